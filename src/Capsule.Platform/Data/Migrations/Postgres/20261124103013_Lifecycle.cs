using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Capsule.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Lifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewNote",
                table: "ProgramVersions",
                type: "character varying(1024)",
                maxLength: 1024,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewedById",
                table: "ProgramVersions",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PhasedPercentage",
                table: "MiniPrograms",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "PhasedVersionId",
                table: "MiniPrograms",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreviousReleasedVersionId",
                table: "MiniPrograms",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProgramVersions_ReviewedById",
                table: "ProgramVersions",
                column: "ReviewedById");

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_PhasedVersionId",
                table: "MiniPrograms",
                column: "PhasedVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_MiniPrograms_PreviousReleasedVersionId",
                table: "MiniPrograms",
                column: "PreviousReleasedVersionId");

            migrationBuilder.AddForeignKey(
                name: "FK_MiniPrograms_ProgramVersions_PhasedVersionId",
                table: "MiniPrograms",
                column: "PhasedVersionId",
                principalTable: "ProgramVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MiniPrograms_ProgramVersions_PreviousReleasedVersionId",
                table: "MiniPrograms",
                column: "PreviousReleasedVersionId",
                principalTable: "ProgramVersions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ProgramVersions_AspNetUsers_ReviewedById",
                table: "ProgramVersions",
                column: "ReviewedById",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_MiniPrograms_ProgramVersions_PhasedVersionId",
                table: "MiniPrograms");

            migrationBuilder.DropForeignKey(
                name: "FK_MiniPrograms_ProgramVersions_PreviousReleasedVersionId",
                table: "MiniPrograms");

            migrationBuilder.DropForeignKey(
                name: "FK_ProgramVersions_AspNetUsers_ReviewedById",
                table: "ProgramVersions");

            migrationBuilder.DropIndex(
                name: "IX_ProgramVersions_ReviewedById",
                table: "ProgramVersions");

            migrationBuilder.DropIndex(
                name: "IX_MiniPrograms_PhasedVersionId",
                table: "MiniPrograms");

            migrationBuilder.DropIndex(
                name: "IX_MiniPrograms_PreviousReleasedVersionId",
                table: "MiniPrograms");

            migrationBuilder.DropColumn(
                name: "ReviewNote",
                table: "ProgramVersions");

            migrationBuilder.DropColumn(
                name: "ReviewedById",
                table: "ProgramVersions");

            migrationBuilder.DropColumn(
                name: "PhasedPercentage",
                table: "MiniPrograms");

            migrationBuilder.DropColumn(
                name: "PhasedVersionId",
                table: "MiniPrograms");

            migrationBuilder.DropColumn(
                name: "PreviousReleasedVersionId",
                table: "MiniPrograms");
        }
    }
}
