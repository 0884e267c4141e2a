using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// Staff publish the draft agenda as a named version ("v2"): the whole agenda is stored as it
/// stands, the public pages, the participants' itineraries and the feeds switch to it, and every
/// session a calendar would show differently gets its SEQUENCE raised (a cancelled one is sent as
/// STATUS:CANCELLED). Publishing with nothing changed is refused, so versions always differ.
/// </summary>
public sealed class PublishAgenda(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(AgendaVersion? Version, Result Result)> RunAsync(UserScope scope, int year, string name, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        return await PublishAsync(db, audit, editionId, name, scope.Actor, clock.GetUtcNow(), ct);
    }

    /// <summary>The publication itself, for the use case and the demo loader.</summary>
    internal static async Task<(AgendaVersion? Version, Result Result)> PublishAsync(
        TmsswDbContext db, AuditLog audit, int editionId, string name, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var clean = name?.Trim() ?? "";
        if (clean.Length is 0 or > 60)
        {
            return (null, Result.Fail("Name the version (up to 60 characters), e.g. “v2” or “Final programme”."));
        }

        var versions = await db.AgendaVersions.Where(v => v.EditionId == editionId).OrderByDescending(v => v.Number).ToListAsync(ct);
        if (versions.Any(v => v.Name == clean))
        {
            return (null, Result.Fail($"A version called “{clean}” was already published; choose another name."));
        }

        var sessions = await db.ConferenceSessions.Include(s => s.Room).Include(s => s.Speakers)
            .Where(s => s.EditionId == editionId).ToListAsync(ct);
        if (sessions.Count == 0)
        {
            return (null, Result.Fail("The agenda has no sessions yet."));
        }

        var speakerIds = sessions.SelectMany(s => s.Speakers).Select(x => x.SpeakerId).Distinct().ToList();
        var speakers = await db.Speakers.AsNoTracking().Where(s => speakerIds.Contains(s.Id)).ToListAsync(ct);
        var latest = versions.FirstOrDefault();
        var previous = latest is null ? AgendaSnapshot.Empty : AgendaSnapshot.FromJson(latest.SnapshotJson);
        var snapshot = AgendaChangelog.Sequenced(previous, AgendaSnapshot.Of(sessions, speakers));
        if (latest is not null && snapshot.ToJson() == previous.ToJson())
        {
            return (null, Result.Fail($"Nothing changed since {latest.Name}."));
        }

        foreach (var s in sessions)
        {
            s.Sequence = snapshot.Sessions.First(x => x.Id == s.Id).Sequence;
        }

        var version = new AgendaVersion
        {
            EditionId = editionId,
            Number = (latest?.Number ?? 0) + 1,
            Name = clean,
            PublishedAt = now,
            PublishedBy = actor.Name,
            SnapshotJson = snapshot.ToJson(),
        };
        db.AgendaVersions.Add(version);
        var changes = AgendaChangelog.Compare(previous, snapshot);
        audit.Record(actor, "AgendaPublished", "AgendaVersion", editionId.ToString(CultureInfo.InvariantCulture),
            [new FieldChange("version", latest?.Name, clean), new FieldChange("changes", null, changes.Count.ToString(CultureInfo.InvariantCulture))]);
        await db.SaveChangesAsync(ct);
        return (version, Result.Ok);
    }
}
