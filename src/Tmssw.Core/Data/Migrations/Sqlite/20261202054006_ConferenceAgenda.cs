using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Tmssw.Core.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConferenceAgenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConferenceSessionSpeakers_ConferenceSessions_SessionsId",
                table: "ConferenceSessionSpeakers");

            migrationBuilder.DropForeignKey(
                name: "FK_ConferenceSessionSpeakers_Speakers_SpeakersId",
                table: "ConferenceSessionSpeakers");

            migrationBuilder.DropIndex(
                name: "IX_ConferenceSessions_EditionId",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "Room",
                table: "ConferenceSessions");

            migrationBuilder.RenameColumn(
                name: "SpeakersId",
                table: "ConferenceSessionSpeakers",
                newName: "SpeakerId");

            migrationBuilder.RenameColumn(
                name: "SessionsId",
                table: "ConferenceSessionSpeakers",
                newName: "SessionId");

            migrationBuilder.RenameIndex(
                name: "IX_ConferenceSessionSpeakers_SpeakersId",
                table: "ConferenceSessionSpeakers",
                newName: "IX_ConferenceSessionSpeakers_SpeakerId");

            migrationBuilder.AddColumn<string>(
                name: "Bio",
                table: "Speakers",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EditionId",
                table: "Speakers",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "ConferenceSessionSpeakers",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "ConferenceSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "ConferenceSessions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedAttendance",
                table: "ConferenceSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ConferenceSessions",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Objectives",
                table: "ConferenceSessions",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<int>(
                name: "RoomId",
                table: "ConferenceSessions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "ConferenceSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Track",
                table: "ConferenceSessions",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "ConferenceSessions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "AgendaVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    SnapshotJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaVersions_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceRooms",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceRooms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceRooms_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VenueDays",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EditionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VenueDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VenueDays_Editions_EditionId",
                        column: x => x.EditionId,
                        principalTable: "Editions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Speakers_EditionId",
                table: "Speakers",
                column: "EditionId");

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceSessions_EditionId_Start",
                table: "ConferenceSessions",
                columns: new[] { "EditionId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceSessions_RoomId",
                table: "ConferenceSessions",
                column: "RoomId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaVersions_EditionId_Number",
                table: "AgendaVersions",
                columns: new[] { "EditionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceRooms_EditionId_Name",
                table: "ConferenceRooms",
                columns: new[] { "EditionId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VenueDays_EditionId_Date",
                table: "VenueDays",
                columns: new[] { "EditionId", "Date" },
                unique: true);

            // Speakers stored before this migration belong to the edition of their first session (others are dropped),
            // and each of their links is a speaker's.
            migrationBuilder.Sql(@"UPDATE ""Speakers"" SET ""EditionId"" = COALESCE((SELECT s.""EditionId"" FROM ""ConferenceSessionSpeakers"" l JOIN ""ConferenceSessions"" s ON s.""Id"" = l.""SessionId"" WHERE l.""SpeakerId"" = ""Speakers"".""Id"" ORDER BY s.""Id"" LIMIT 1), 0);");
            migrationBuilder.Sql(@"DELETE FROM ""Speakers"" WHERE ""EditionId"" = 0;");
            migrationBuilder.Sql(@"UPDATE ""ConferenceSessionSpeakers"" SET ""Role"" = 'Speaker';");

            migrationBuilder.AddForeignKey(
                name: "FK_ConferenceSessions_ConferenceRooms_RoomId",
                table: "ConferenceSessions",
                column: "RoomId",
                principalTable: "ConferenceRooms",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "FK_ConferenceSessionSpeakers_ConferenceSessions_SessionId",
                table: "ConferenceSessionSpeakers",
                column: "SessionId",
                principalTable: "ConferenceSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConferenceSessionSpeakers_Speakers_SpeakerId",
                table: "ConferenceSessionSpeakers",
                column: "SpeakerId",
                principalTable: "Speakers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Speakers_Editions_EditionId",
                table: "Speakers",
                column: "EditionId",
                principalTable: "Editions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ConferenceSessions_ConferenceRooms_RoomId",
                table: "ConferenceSessions");

            migrationBuilder.DropForeignKey(
                name: "FK_ConferenceSessionSpeakers_ConferenceSessions_SessionId",
                table: "ConferenceSessionSpeakers");

            migrationBuilder.DropForeignKey(
                name: "FK_ConferenceSessionSpeakers_Speakers_SpeakerId",
                table: "ConferenceSessionSpeakers");

            migrationBuilder.DropForeignKey(
                name: "FK_Speakers_Editions_EditionId",
                table: "Speakers");

            migrationBuilder.DropTable(
                name: "AgendaVersions");

            migrationBuilder.DropTable(
                name: "ConferenceRooms");

            migrationBuilder.DropTable(
                name: "VenueDays");

            migrationBuilder.DropIndex(
                name: "IX_Speakers_EditionId",
                table: "Speakers");

            migrationBuilder.DropIndex(
                name: "IX_ConferenceSessions_EditionId_Start",
                table: "ConferenceSessions");

            migrationBuilder.DropIndex(
                name: "IX_ConferenceSessions_RoomId",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "Bio",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "EditionId",
                table: "Speakers");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "ConferenceSessionSpeakers");

            migrationBuilder.DropColumn(
                name: "Cancelled",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "ExpectedAttendance",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "Objectives",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "RoomId",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "Sequence",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "Track",
                table: "ConferenceSessions");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "ConferenceSessions");

            migrationBuilder.RenameColumn(
                name: "SpeakerId",
                table: "ConferenceSessionSpeakers",
                newName: "SpeakersId");

            migrationBuilder.RenameColumn(
                name: "SessionId",
                table: "ConferenceSessionSpeakers",
                newName: "SessionsId");

            migrationBuilder.RenameIndex(
                name: "IX_ConferenceSessionSpeakers_SpeakerId",
                table: "ConferenceSessionSpeakers",
                newName: "IX_ConferenceSessionSpeakers_SpeakersId");

            migrationBuilder.AddColumn<string>(
                name: "Room",
                table: "ConferenceSessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceSessions_EditionId",
                table: "ConferenceSessions",
                column: "EditionId");

            migrationBuilder.AddForeignKey(
                name: "FK_ConferenceSessionSpeakers_ConferenceSessions_SessionsId",
                table: "ConferenceSessionSpeakers",
                column: "SessionsId",
                principalTable: "ConferenceSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ConferenceSessionSpeakers_Speakers_SpeakersId",
                table: "ConferenceSessionSpeakers",
                column: "SpeakersId",
                principalTable: "Speakers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
