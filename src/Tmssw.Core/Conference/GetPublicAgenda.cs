using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>A published version's name, number and time.</summary>
public sealed record AgendaVersionInfo(int Number, string Name, DateTimeOffset PublishedAt);

/// <summary>What changed from the version before (none for the first version).</summary>
public sealed record VersionChanges(AgendaVersionInfo Version, string? PreviousName, IReadOnlyList<AgendaChange> Changes);

/// <summary>The conference as the public reads it: the latest published version only, and the history of versions.</summary>
public sealed record PublicAgenda(
    int Year,
    string EditionTitle,
    AgendaVersionInfo Version,
    AgendaSnapshot Agenda,
    ConferencePlace Place,
    IReadOnlyDictionary<int, string> Objectives,
    IReadOnlyList<VersionChanges> History)
{
    public IReadOnlyList<DateOnly> Days => [.. Agenda.Sessions.Select(s => DateOnly.FromDateTime(s.Start)).Distinct().Order()];

    public SnapshotSession? Session(int id) => Agenda.Sessions.FirstOrDefault(s => s.Id == id);

    public IReadOnlyList<SnapshotSession> SessionsOf(int speakerId) => [.. Agenda.Sessions.Where(s => s.Speakers.Any(x => x.SpeakerId == speakerId))];

    /// <summary>The tracks of a day in a stable order: plenaries first (null track), then by name.</summary>
    public IReadOnlyList<string?> TracksOn(DateOnly day) =>
        [.. Agenda.Sessions.Where(s => DateOnly.FromDateTime(s.Start) == day).Select(s => s.Kind == SessionKind.Plenary ? null : s.Track ?? "Other sessions").Distinct().OrderBy(t => t is null ? 0 : 1).ThenBy(t => t, StringComparer.Ordinal)];
}

/// <summary>
/// Anyone, signed in or not, reads a published edition's conference agenda: the latest published
/// version, never the draft. Null when the edition is not public or no version was published yet.
/// </summary>
public sealed class GetPublicAgenda(TmsswDbContext db)
{
    public async Task<PublicAgenda?> RunAsync(int year, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Objectives).FirstOrDefaultAsync(e => e.Year == year && e.IsPublished, ct);
        if (edition is null)
        {
            return null;
        }

        var versions = await db.AgendaVersions.AsNoTracking().Where(v => v.EditionId == edition.Id).OrderBy(v => v.Number).ToListAsync(ct);
        if (versions.Count == 0)
        {
            return null;
        }

        var history = new List<VersionChanges>();
        var previous = AgendaSnapshot.Empty;
        string? previousName = null;
        AgendaSnapshot latest = AgendaSnapshot.Empty;
        foreach (var v in versions)
        {
            latest = AgendaSnapshot.FromJson(v.SnapshotJson);
            history.Add(new VersionChanges(Info(v), previousName, AgendaChangelog.Compare(previous, latest)));
            previous = latest;
            previousName = v.Name;
        }

        history.Reverse();
        return new PublicAgenda(
            edition.Year,
            edition.Title,
            Info(versions[^1]),
            latest,
            await ConferencePlace.LoadAsync(db, edition.Id, ct),
            edition.Objectives.ToDictionary(o => o.Number, o => o.Text),
            history);
    }

    private static AgendaVersionInfo Info(AgendaVersion v) => new(v.Number, v.Name, v.PublishedAt);
}
