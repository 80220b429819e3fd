using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Capsule.Platform.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MiniProgramId = table.Column<long>(type: "INTEGER", nullable: false),
                    Prefix = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 270, nullable: false),
                    Page = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Released = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
