using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Conference;

/// <summary>
/// The public iCalendar feeds of a published agenda: the whole conference, or one session. Built
/// from the latest published version (<see cref="GetPublicAgenda"/>) with the itineraries' writer
/// (<see cref="IcsCalendar"/>: VTIMEZONE, stable UIDs, SEQUENCE, STATUS:CANCELLED). Null when
/// nothing is published (or no such session), answered as 404.
/// </summary>
public sealed class GetConferenceCalendar(GetPublicAgenda agendas, TimeProvider clock)
{
    public async Task<CalendarFile?> AgendaAsync(int year, CancellationToken ct = default)
    {
        var agenda = await agendas.RunAsync(year, ct);
        return agenda is null ? null : Write(agenda, agenda.Agenda.Sessions, IcsCalendar.FileName(year, "conference"), $"{ConferencePlace.Name} {year}");
    }

    public async Task<CalendarFile?> SessionAsync(int year, int sessionId, CancellationToken ct = default)
    {
        var agenda = await agendas.RunAsync(year, ct);
        var session = agenda?.Session(sessionId);
        return agenda is null || session is null
            ? null
            : Write(agenda, [session], IcsCalendar.FileName(year, $"conference-session-{sessionId}"), session.Title);
    }

    private CalendarFile Write(PublicAgenda agenda, IEnumerable<SnapshotSession> sessions, string file, string name)
    {
        var itinerary = new Itinerary(
            agenda.Year, agenda.EditionTitle, ConferencePlace.Name, null, null, null, [.. agenda.Objectives.OrderBy(o => o.Key).Select(o => o.Value)], [], [],
            [.. sessions.Select(s => agenda.Place.Entry(s, agenda.Agenda))]);
        return new CalendarFile(file, IcsCalendar.Write(itinerary, name, clock.GetUtcNow()));
    }
}
