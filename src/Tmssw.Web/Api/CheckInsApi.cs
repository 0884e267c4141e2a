using Microsoft.AspNetCore.Http.HttpResults;
using Tmssw.Core.Conference;
using Tmssw.Web.Security;

namespace Tmssw.Web.Api;

/// <summary>A badge scanned at a session's door: the token from its QR code, the session and (for a scan queued offline) when it was scanned.</summary>
public sealed record CheckInRequest(string? Token, int? SessionId, DateTimeOffset? ScannedAt);

/// <summary>The person the badge names (no photo), whether they were already checked in, and when (first scan; HH:mm local).</summary>
public sealed record CheckInDto(
    string Kind, int PersonId, string Name, string? Country, string? Organization, string Role,
    int SessionId, bool Duplicate, DateTimeOffset? CheckedInAt, string? LocalTime, string? Note);

public sealed record PersonAttendanceDto(string Kind, int PersonId, string Name, string Affiliation, IReadOnlyList<int> SessionIds);

public sealed record SessionAttendanceDto(int SessionId, string Title, DateTime Start, DateTime End, int Count);

public sealed record AttendanceDto(int Year, IReadOnlyList<SessionAttendanceDto> Sessions, IReadOnlyList<PersonAttendanceDto> People);

/// <summary>Check-in at the conference door and attendance: Admin and the edition's Staff.</summary>
public static class CheckInsApi
{
    public static RouteGroupBuilder MapCheckInsApi(this RouteGroupBuilder v1)
    {
        var edition = v1.MapEditionGroup("Conference");
        edition.MapPost("/checkins", CheckInAsync)
            .Protected(Policies.Staff)
            .WithName("CheckIn")
            .WithSummary("Check a badge in at a conference session")
            .WithDescription("Verifies the badge token (participant, interpreter or guest) on the server and records one check-in per person and session; a second scan answers duplicate: true with the first scan's time. scannedAt (optional) is the original scan time of a scan queued offline. A token that does not verify is a 422 problem and is audited.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        edition.MapGet("/attendance", AttendanceAsync)
            .Protected(Policies.Staff)
            .WithName("GetAttendance")
            .WithSummary("Who attended which conference session")
            .WithDescription("Per session the count; per person (participant, interpreter, guest) the ids of the sessions they were checked in at — what the evaluation reads to tell which objectives a person was present for.");
        return v1;
    }

    private static async Task<Results<Ok<CheckInDto>, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        int year, CheckInRequest? request, CurrentUser current, RecordCheckIn checkIn, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        if (request is null || string.IsNullOrWhiteSpace(request.Token) || request.SessionId is null)
        {
            var errors = new Dictionary<string, string[]>();
            if (string.IsNullOrWhiteSpace(request?.Token))
            {
                errors["token"] = ["Give the badge's token (the text of its QR code)."];
            }

            if (request?.SessionId is null)
            {
                errors["sessionId"] = ["Give the id of the session whose door this is."];
            }

            return TypedResults.ValidationProblem(errors, title: "Nothing was checked in.");
        }

        var outcome = await checkIn.RunAsync(scope, year, request.Token, request.SessionId, request.ScannedAt, cancellationToken);
        return outcome.Result switch
        {
            CheckInResult.UnknownSession => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["sessionId"] = [outcome.Problem!] }, title: "Nothing was checked in."),
            CheckInResult.InvalidToken or CheckInResult.NotAdmitted => TypedResults.Problem(
                title: outcome.Result == CheckInResult.InvalidToken ? "The badge does not verify." : "The guest is not admitted.",
                detail: outcome.Problem, statusCode: StatusCodes.Status422UnprocessableEntity),
            _ => TypedResults.Ok(Dto(outcome)),
        };
    }

    private static async Task<Ok<AttendanceDto>> AttendanceAsync(int year, CurrentUser current, GetAttendance attendance, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var report = await attendance.RunAsync(scope, year, cancellationToken);
        return TypedResults.Ok(new AttendanceDto(
            report.Year,
            report.Sessions.Select(s => new SessionAttendanceDto(s.SessionId, s.Title, s.Start, s.End, s.Count)).ToList(),
            report.People.Select(p => new PersonAttendanceDto(p.Kind, p.PersonId, p.Name, p.Affiliation, p.SessionIds)).ToList()));
    }

    internal static CheckInDto Dto(CheckInOutcome o) => new(
        o.Person!.Kind, o.Person.Id, o.Person.Name, o.Person.Country, o.Person.Organization, o.Person.Role,
        o.SessionId, o.Duplicate, o.CheckedInAt, o.LocalTime, o.Note);
}
