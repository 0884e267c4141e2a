using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tmssw.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EvaluationReport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PerformanceIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TargetPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: true),
                    PairKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    SurveyKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ObjectiveNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceIndicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PerformanceIndicators_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceIndicators_EditionId_Number",
                table: "PerformanceIndicators",
                columns: new[] { "EditionId", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PerformanceIndicators");
        }
    }
}
