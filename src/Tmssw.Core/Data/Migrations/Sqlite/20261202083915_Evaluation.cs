using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tmssw.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Objectives",
                table: "ProgramItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Objectives",
                table: "MeetingOffers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.CreateTable(
                name: "EvaluationKeys",
                columns: table => new
                {
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    SecretProtected = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationKeys", x => x.EditionId);
                    table.ForeignKey(
                        name: "FK_EvaluationKeys_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosesAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Intro_Ar = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Intro_En = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Intro_Es = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Intro_Fr = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Intro_Pt = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Intro_Ru = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Title_Ar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Title_Es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title_Fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title_Pt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title_Ru = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Surveys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Surveys_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipantId = table.Column<int>(type: "INTEGER", nullable: true),
                    HostOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactEmailProtected = table.Column<string>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TokenProtected = table.Column<string>(type: "TEXT", nullable: false),
                    InviteOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RemindOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    InvitationMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReminderMessageId = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_HostOrganizations_HostOrganizationId",
                        column: x => x.HostOrganizationId,
                        principalTable: "HostOrganizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyInvitations_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyQuestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    ObjectiveNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Measure = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PairKey = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Min = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Max = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Text_Ar = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Text_En = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text_Es = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Text_Fr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Text_Pt = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Text_Ru = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyQuestions_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    InvitationId = table.Column<int>(type: "INTEGER", nullable: true),
                    RespondentKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsSynthetic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_SurveyInvitations_InvitationId",
                        column: x => x.InvitationId,
                        principalTable: "SurveyInvitations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_SurveyResponses_Surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "Surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyChoices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text_Ar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text_En = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text_Es = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text_Fr = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text_Pt = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Text_Ru = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyChoices_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyAnswers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    ChoiceIds = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SurveyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyQuestions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "SurveyQuestions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SurveyAnswers_SurveyResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "SurveyResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_QuestionId",
                table: "SurveyAnswers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyAnswers_ResponseId_QuestionId",
                table: "SurveyAnswers",
                columns: new[] { "ResponseId", "QuestionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyChoices_QuestionId_Order",
                table: "SurveyChoices",
                columns: new[] { "QuestionId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_HostOrganizationId",
                table: "SurveyInvitations",
                column: "HostOrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_ParticipantId",
                table: "SurveyInvitations",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_SurveyId_HostOrganizationId",
                table: "SurveyInvitations",
                columns: new[] { "SurveyId", "HostOrganizationId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_SurveyId_ParticipantId",
                table: "SurveyInvitations",
                columns: new[] { "SurveyId", "ParticipantId" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyInvitations_TokenHash",
                table: "SurveyInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SurveyQuestions_SurveyId_Order",
                table: "SurveyQuestions",
                columns: new[] { "SurveyId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_InvitationId",
                table: "SurveyResponses",
                column: "InvitationId");

            migrationBuilder.CreateIndex(
                name: "IX_SurveyResponses_SurveyId_RespondentKey",
                table: "SurveyResponses",
                columns: new[] { "SurveyId", "RespondentKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Surveys_EditionId_Kind",
                table: "Surveys",
                columns: new[] { "EditionId", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EvaluationKeys");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyChoices");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropColumn(
                name: "Objectives",
                table: "ProgramItems");

            migrationBuilder.DropColumn(
                name: "Objectives",
                table: "MeetingOffers");
        }
    }
}
