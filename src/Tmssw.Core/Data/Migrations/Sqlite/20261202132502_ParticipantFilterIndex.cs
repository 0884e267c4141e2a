using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tmssw.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ParticipantFilterIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_EditionId_Country",
                table: "Participants");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_EditionId_Country_Region",
                table: "Participants",
                columns: new[] { "EditionId", "Country", "Region" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Participants_EditionId_Country_Region",
                table: "Participants");

            migrationBuilder.CreateIndex(
                name: "IX_Participants_EditionId_Country",
                table: "Participants",
                columns: new[] { "EditionId", "Country" });
        }
    }
}
