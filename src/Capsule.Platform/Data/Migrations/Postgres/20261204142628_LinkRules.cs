using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Capsule.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LinkRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LinkRules",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MiniProgramId = table.Column<long>(type: "bigint", nullable: false),
                    Prefix = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: false),
                    Origin = table.Column<string>(type: "character varying(270)", maxLength: 270, nullable: false),
                    Page = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Released = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LinkRules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LinkRules_MiniPrograms_MiniProgramId",
                        column: x => x.MiniProgramId,
                        principalTable: "MiniPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LinkRules_MiniProgramId",
                table: "LinkRules",
                column: "MiniProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_LinkRules_Origin",
                table: "LinkRules",
                column: "Origin");

            migrationBuilder.CreateIndex(
                name: "IX_LinkRules_Prefix",
                table: "LinkRules",
                column: "Prefix",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LinkRules");
        }
    }
}
