using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Capsule.Platform.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServerDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServerDomains",
                columns: table => new
                {
                    MiniProgramId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Origin = table.Column<string>(type: "TEXT", maxLength: 270, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServerDomains", x => new { x.MiniProgramId, x.Kind, x.Origin });
                    table.ForeignKey(
                        name: "FK_ServerDomains_MiniPrograms_MiniProgramId",
                        column: x => x.MiniProgramId,
                        principalTable: "MiniPrograms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServerDomains");
        }
    }
}
