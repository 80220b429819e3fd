using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Capsule.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Versions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ProgramVersions_MiniProgramId",
                table: "ProgramVersions");

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "ProgramVersions",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "UploadedById",
                table: "ProgramVersions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramVersions_MiniProgramId_Number",
                table: "ProgramVersions",
                columns: new[] { "MiniProgramId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramVersions_UploadedById",
                table: "ProgramVersions",
                column: "UploadedById");

            migrationBuilder.AddForeignKey(
                name: "FK_ProgramVersions_AspNetUsers_UploadedById",
                table: "ProgramVersions",
                column: "UploadedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProgramVersions_AspNetUsers_UploadedById",
                table: "ProgramVersions");

            migrationBuilder.DropIndex(
                name: "IX_ProgramVersions_MiniProgramId_Number",
                table: "ProgramVersions");

            migrationBuilder.DropIndex(
                name: "IX_ProgramVersions_UploadedById",
                table: "ProgramVersions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "ProgramVersions");

            migrationBuilder.DropColumn(
                name: "UploadedById",
                table: "ProgramVersions");

            migrationBuilder.CreateIndex(
                name: "IX_ProgramVersions_MiniProgramId",
                table: "ProgramVersions",
                column: "MiniProgramId");
        }
    }
}
