using Microsoft.AspNetCore.Http.HttpResults;
using Tmssw.Core.Conference;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Api;

/// <summary>A speaker or moderator on a published session.</summary>
public sealed record ConferenceSpeakerDto(int Id, string Name, string? Title, string? Organization, SpeakerRole Role);

/// <summary>A session of the latest published agenda version (local times in <see cref="TimeZone"/>).</summary>
public sealed record ConferenceSessionDto(
    int Id,
    string Title,
    SessionKind Kind,
    string? Track,
    string? Room,
    DateTime Start,
    DateTime End,
    string TimeZone,
    string? Description,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> Objectives,
    IReadOnlyList<ConferenceSpeakerDto> Speakers,
    bool Cancelled,
    int Sequence);

/// <summary>The published agenda: which version, and its sessions.</summary>
public sealed record ConferenceAgendaDto(string Version, int VersionNumber, DateTimeOffset PublishedAt, IReadOnlyList<ConferenceSessionDto> Sessions);

/// <summary>
/// The conference agenda: the JSON read under /api/v1 (signed in, within the edition group), and the
/// public iCalendar feeds (anonymous, like the pages): /editions/{year}/conference/agenda.ics and
/// /editions/{year}/conference/sessions/{id}.ics. All read the latest published version only.
/// </summary>
public static class ConferenceApi
{
    public static RouteGroupBuilder MapConferenceApi(this RouteGroupBuilder v1)
    {
        v1.MapEditionGroup("Conference").MapGet("/conference/sessions", ListAsync)
            .Protected(Policies.SignedIn)
            .WithName("ListConferenceSessions")
            .WithSummary("The published conference agenda")
            .WithDescription("The sessions of the latest published agenda version (never the staff's draft), with rooms, tracks, speakers and moderators, objectives served, cancellations (kept, marked) and each session's iCalendar SEQUENCE. 404 before the first version is published.");
        return v1;
    }

    public static IEndpointRouteBuilder MapConferenceFeeds(this IEndpointRouteBuilder app)
    {
        app.MapGet("/editions/{year:int}/conference/agenda.ics", AgendaFeedAsync)
            .AllowAnonymous()
            .RequireRateLimiting(TmsswWeb.ApiRateLimit)
            .ExcludeFromDescription();
        app.MapGet("/editions/{year:int}/conference/sessions/{sessionId:int}.ics", SessionFeedAsync)
            .AllowAnonymous()
            .RequireRateLimiting(TmsswWeb.ApiRateLimit)
            .ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<Ok<ConferenceAgendaDto>, NotFound>> ListAsync(int year, GetPublicAgenda agendas, CancellationToken cancellationToken)
    {
        var a = await agendas.RunAsync(year, cancellationToken);
        if (a is null)
        {
            return TypedResults.NotFound();
        }

        var sessions = a.Agenda.Sessions.Select(s => new ConferenceSessionDto(
            s.Id, s.Title, s.Kind, s.Track, s.RoomName, s.Start, s.End, a.Place.TimeZone, s.Description, s.Themes, s.Objectives,
            [.. s.Speakers.Select(x => (a.Agenda.Speaker(x.SpeakerId), x.Role)).Where(x => x.Item1 is not null)
                .Select(x => new ConferenceSpeakerDto(x.Item1!.Id, x.Item1.Name, x.Item1.Title, x.Item1.Organization, x.Role))],
            s.Cancelled, s.Sequence)).ToList();
        return TypedResults.Ok(new ConferenceAgendaDto(a.Version.Name, a.Version.Number, a.Version.PublishedAt, sessions));
    }

    private static async Task<IResult> AgendaFeedAsync(int year, HttpContext http, GetConferenceCalendar calendars, CancellationToken cancellationToken) =>
        Calendar(http, await calendars.AgendaAsync(year, cancellationToken));

    private static async Task<IResult> SessionFeedAsync(int year, int sessionId, HttpContext http, GetConferenceCalendar calendars, CancellationToken cancellationToken) =>
        Calendar(http, await calendars.SessionAsync(year, sessionId, cancellationToken));

    private static IResult Calendar(HttpContext http, CalendarFile? file)
    {
        if (file is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=300";
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{file.FileName}\"";
        return Results.Text(file.Content, IcsCalendar.MediaType + "; charset=utf-8", System.Text.Encoding.UTF8);
    }
}
