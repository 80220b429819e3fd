using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Capsule.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Registry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AppSecretHash",
                table: "MiniPrograms",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "MiniPrograms",
                type: "character varying(96)",
                maxLength: 96,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "IconUrl",
                table: "MiniPrograms",
                type: "character varying(512)",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OwnerId",
                table: "MiniPrograms",
                type: "text",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ProgramMembers",
                columns: table => new
                {
                    MiniProgramId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramMembers", x => new { x.MiniProgramId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProgramMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramMembers_MiniPrograms_MiniProgramId",
                        column: x => x.MiniProgramId,
                        principalTable: "MiniPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_OwnerId",
                table: "MiniPrograms",
                column: "OwnerId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramMembers_UserId",
                table: "ProgramMembers",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_MiniPrograms_AspNetUsers_OwnerId",
                table: "MiniPrograms",
                column: "OwnerId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MiniPrograms_AspNetUsers_OwnerId",
                table: "MiniPrograms");

            migrationBuilder.DropTable(
                name: "ProgramMembers");

            migrationBuilder.DropIndex(
                name: "IX_MiniPrograms_OwnerId",
                table: "MiniPrograms");

            migrationBuilder.DropColumn(
                name: "AppSecretHash",
                table: "MiniPrograms");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "MiniPrograms");

            migrationBuilder.DropColumn(
                name: "IconUrl",
                table: "MiniPrograms");

            migrationBuilder.DropColumn(
                name: "OwnerId",
                table: "MiniPrograms");
        }
    }
}
