using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Capsule.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProgramIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LoginCodes",
                columns: table => new
                {
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    MiniProgramId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UsedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginCodes", x => x.CodeHash);
                    table.ForeignKey(
                        name: "FK_LoginCodes_MiniPrograms_MiniProgramId",
                        column: x => x.MiniProgramId,
                        principalTable: "MiniPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgramUsers",
                columns: table => new
                {
                    MiniProgramId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    OpenId = table.Column<string>(type: "TEXT", maxLength: 28, nullable: false),
                    SessionKey = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    SessionExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramUsers", x => new { x.MiniProgramId, x.UserId });
                    table.ForeignKey(
                        name: "FK_ProgramUsers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ProgramUsers_MiniPrograms_MiniProgramId",
                        column: x => x.MiniProgramId,
                        principalTable: "MiniPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoginCodes_ExpiresAt",
                table: "LoginCodes",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_LoginCodes_MiniProgramId",
                table: "LoginCodes",
                column: "MiniProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramUsers_OpenId",
                table: "ProgramUsers",
                column: "OpenId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramUsers_UserId",
                table: "ProgramUsers",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoginCodes");

            migrationBuilder.DropTable(
                name: "ProgramUsers");
        }
    }
}
