using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tmssw.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class EvaluationJobsPostsAlumni : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<List<int>>(
                name: "Objectives",
                table: "ProgramItems",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Posts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Slug",
                table: "Posts",
                type: "character varying(120)",
                maxLength: 120,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "Author",
                table: "Posts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CreatedAt",
                table: "Posts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "Summary",
                table: "Posts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<List<string>>(
                name: "Themes",
                table: "Posts",
                type: "text[]",
                nullable: false,
                defaultValueSql: "'{}'::text[]");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "Posts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Hand-written: posts written before authoring existed were created and last changed when published.
            migrationBuilder.Sql("UPDATE \"Posts\" SET \"CreatedAt\" = \"PublishedAt\", \"UpdatedAt\" = \"PublishedAt\";");

            migrationBuilder.AddColumn<List<int>>(
                name: "Objectives",
                table: "MeetingOffers",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]");

            migrationBuilder.CreateTable(
                name: "AlumniInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InvitedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlumniInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlumniInvitations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlumniInvitations_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlumniSharing",
                columns: table => new
                {
                    ParticipantId = table.Column<int>(type: "integer", nullable: false),
                    ShareName = table.Column<bool>(type: "boolean", nullable: false),
                    ShareCountry = table.Column<bool>(type: "boolean", nullable: false),
                    ShareAgency = table.Column<bool>(type: "boolean", nullable: false),
                    SharePosition = table.Column<bool>(type: "boolean", nullable: false),
                    ShareThemes = table.Column<bool>(type: "boolean", nullable: false),
                    ShareEdition = table.Column<bool>(type: "boolean", nullable: false),
                    ShareCityGroup = table.Column<bool>(type: "boolean", nullable: false),
                    WantsDigest = table.Column<bool>(type: "boolean", nullable: false),
                    DigestSentUpTo = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlumniSharing", x => x.ParticipantId);
                    table.ForeignKey(
                        name: "FK_AlumniSharing_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlumniThreads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Theme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Tlp = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AudienceTheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    AudienceRegion = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: true),
                    AgencyKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AuthorParticipantId = table.Column<int>(type: "integer", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    TitleProtected = table.Column<string>(type: "text", nullable: false),
                    BodyProtected = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    LastActivityAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HiddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HiddenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    IsSynthetic = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlumniThreads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlumniThreads_Participants_AuthorParticipantId",
                        column: x => x.AuthorParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationKeys",
                columns: table => new
                {
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    SecretProtected = table.Column<string>(type: "text", nullable: false)
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
                name: "JobRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    LockKey = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Percent = table.Column<int>(type: "integer", nullable: false),
                    Phase = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    MessageIsProblem = table.Column<bool>(type: "boolean", nullable: false),
                    ProgressJson = table.Column<string>(type: "text", nullable: true),
                    ResultUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Parameters = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HeartbeatAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Instance = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PerformanceIndicators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Measure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: true),
                    PairKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    SurveyKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ObjectiveNumber = table.Column<int>(type: "integer", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
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

            migrationBuilder.CreateTable(
                name: "PostImages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PostId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Width = table.Column<int>(type: "integer", nullable: false),
                    Height = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    OriginalName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostImages_Posts_PostId",
                        column: x => x.PostId,
                        principalTable: "Posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Anonymous = table.Column<bool>(type: "boolean", nullable: false),
                    OpensAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Intro_Ar = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Intro_En = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Intro_Es = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Intro_Fr = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Intro_Pt = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Intro_Ru = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Title_Ar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title_En = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title_Es = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title_Fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title_Pt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Title_Ru = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                name: "Uploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Sheet = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Uploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AlumniReplies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ThreadId = table.Column<int>(type: "integer", nullable: false),
                    AuthorParticipantId = table.Column<int>(type: "integer", nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    BodyProtected = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    HiddenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    HiddenBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    HiddenReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlumniReplies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlumniReplies_AlumniThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "AlumniThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AlumniReplies_Participants_AuthorParticipantId",
                        column: x => x.AuthorParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ThreadRecipients",
                columns: table => new
                {
                    ThreadId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreadRecipients", x => new { x.ThreadId, x.ParticipantId });
                    table.ForeignKey(
                        name: "FK_ThreadRecipients_AlumniThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "AlumniThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ThreadRecipients_Participants_ParticipantId",
                        column: x => x.ParticipantId,
                        principalTable: "Participants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyInvitations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    ParticipantId = table.Column<int>(type: "integer", nullable: true),
                    HostOrganizationId = table.Column<int>(type: "integer", nullable: true),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactEmailProtected = table.Column<string>(type: "text", nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenProtected = table.Column<string>(type: "text", nullable: false),
                    InviteOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemindOn = table.Column<DateOnly>(type: "date", nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InvitationMessageId = table.Column<int>(type: "integer", nullable: true),
                    RemindedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReminderMessageId = table.Column<int>(type: "integer", nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Required = table.Column<bool>(type: "boolean", nullable: false),
                    ObjectiveNumber = table.Column<int>(type: "integer", nullable: true),
                    Theme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Measure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PairKey = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Min = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Max = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Text_Ar = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Text_En = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Text_Es = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Text_Fr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Text_Pt = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Text_Ru = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
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
                name: "PostReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ThreadId = table.Column<int>(type: "integer", nullable: false),
                    ReplyId = table.Column<int>(type: "integer", nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostReports_AlumniReplies_ReplyId",
                        column: x => x.ReplyId,
                        principalTable: "AlumniReplies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PostReports_AlumniThreads_ThreadId",
                        column: x => x.ThreadId,
                        principalTable: "AlumniThreads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SurveyResponses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SurveyId = table.Column<int>(type: "integer", nullable: false),
                    InvitationId = table.Column<int>(type: "integer", nullable: true),
                    RespondentKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    IsSynthetic = table.Column<bool>(type: "boolean", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Text_Ar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text_En = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text_Es = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text_Fr = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text_Pt = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Text_Ru = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ResponseId = table.Column<int>(type: "integer", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    ChoiceIds = table.Column<List<int>>(type: "integer[]", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Theme = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true)
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
                name: "IX_AlumniInvitations_ParticipantId",
                table: "AlumniInvitations",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AlumniInvitations_TokenHash",
                table: "AlumniInvitations",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlumniInvitations_UserId",
                table: "AlumniInvitations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AlumniReplies_AuthorParticipantId",
                table: "AlumniReplies",
                column: "AuthorParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AlumniReplies_ThreadId",
                table: "AlumniReplies",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_AlumniThreads_AuthorParticipantId",
                table: "AlumniThreads",
                column: "AuthorParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_AlumniThreads_Theme_CreatedAt",
                table: "AlumniThreads",
                columns: new[] { "Theme", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_OwnerUserId",
                table: "JobRuns",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_JobRuns_State_CreatedAt",
                table: "JobRuns",
                columns: new[] { "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceIndicators_EditionId_Number",
                table: "PerformanceIndicators",
                columns: new[] { "EditionId", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_PostImages_Name",
                table: "PostImages",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostImages_PostId",
                table: "PostImages",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_PostReports_ReplyId",
                table: "PostReports",
                column: "ReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_PostReports_ThreadId",
                table: "PostReports",
                column: "ThreadId");

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

            migrationBuilder.CreateIndex(
                name: "IX_ThreadRecipients_ParticipantId",
                table: "ThreadRecipients",
                column: "ParticipantId");

            migrationBuilder.CreateIndex(
                name: "IX_Uploads_OwnerUserId_CreatedAt",
                table: "Uploads",
                columns: new[] { "OwnerUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlumniInvitations");

            migrationBuilder.DropTable(
                name: "AlumniSharing");

            migrationBuilder.DropTable(
                name: "EvaluationKeys");

            migrationBuilder.DropTable(
                name: "JobRuns");

            migrationBuilder.DropTable(
                name: "PerformanceIndicators");

            migrationBuilder.DropTable(
                name: "PostImages");

            migrationBuilder.DropTable(
                name: "PostReports");

            migrationBuilder.DropTable(
                name: "SurveyAnswers");

            migrationBuilder.DropTable(
                name: "SurveyChoices");

            migrationBuilder.DropTable(
                name: "ThreadRecipients");

            migrationBuilder.DropTable(
                name: "Uploads");

            migrationBuilder.DropTable(
                name: "AlumniReplies");

            migrationBuilder.DropTable(
                name: "SurveyResponses");

            migrationBuilder.DropTable(
                name: "SurveyQuestions");

            migrationBuilder.DropTable(
                name: "AlumniThreads");

            migrationBuilder.DropTable(
                name: "SurveyInvitations");

            migrationBuilder.DropTable(
                name: "Surveys");

            migrationBuilder.DropColumn(
                name: "Objectives",
                table: "ProgramItems");

            migrationBuilder.DropColumn(
                name: "CreatedAt",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Summary",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Themes",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "Posts");

            migrationBuilder.DropColumn(
                name: "Objectives",
                table: "MeetingOffers");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Posts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Slug",
                table: "Posts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(120)",
                oldMaxLength: 120);

            migrationBuilder.AlterColumn<string>(
                name: "Author",
                table: "Posts",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(256)",
                oldMaxLength: 256);
        }
    }
}
