using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Tmssw.Core.Data.Migrations.Postgres
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

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Speakers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organization",
                table: "Speakers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "text",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Speakers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<string>(
                name: "Bio",
                table: "Speakers",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EditionId",
                table: "Speakers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "ConferenceSessionSpeakers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "ConferenceSessions",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<bool>(
                name: "Cancelled",
                table: "ConferenceSessions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "ConferenceSessions",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ExpectedAttendance",
                table: "ConferenceSessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "ConferenceSessions",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<List<int>>(
                name: "Objectives",
                table: "ConferenceSessions",
                type: "integer[]",
                nullable: false,
                defaultValueSql: "'{}'::integer[]");

            migrationBuilder.AddColumn<int>(
                name: "RoomId",
                table: "ConferenceSessions",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                table: "ConferenceSessions",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Track",
                table: "ConferenceSessions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UpdatedAt",
                table: "ConferenceSessions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.CreateTable(
                name: "AgendaVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    PublishedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SnapshotJson = table.Column<string>(type: "text", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EditionId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false)
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

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "Speakers",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Organization",
                table: "Speakers",
                type: "text",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Name",
                table: "Speakers",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AlterColumn<string>(
                name: "Title",
                table: "ConferenceSessions",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AddColumn<string>(
                name: "Room",
                table: "ConferenceSessions",
                type: "text",
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
