using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tmssw.Core.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Alumni : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "IX_PostReports_ReplyId",
                table: "PostReports",
                column: "ReplyId");

            migrationBuilder.CreateIndex(
                name: "IX_PostReports_ThreadId",
                table: "PostReports",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_ThreadRecipients_ParticipantId",
                table: "ThreadRecipients",
                column: "ParticipantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AlumniInvitations");

            migrationBuilder.DropTable(
                name: "AlumniSharing");

            migrationBuilder.DropTable(
                name: "PostReports");

            migrationBuilder.DropTable(
                name: "ThreadRecipients");

            migrationBuilder.DropTable(
                name: "AlumniReplies");

            migrationBuilder.DropTable(
                name: "AlumniThreads");
        }
    }
}
