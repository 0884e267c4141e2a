using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Conference;

/// <summary>A speaker or moderator on a session, as a form gives it.</summary>
public sealed record SpeakerOnSession(int SpeakerId, SpeakerRole Role);

/// <summary>A session as the staff form gives it (local times in the conference's zone).</summary>
public sealed record SessionInput(
    string Title,
    SessionKind Kind,
    string? Track,
    int? RoomId,
    DateTime Start,
    DateTime End,
    int? ExpectedAttendance = null,
    string? Description = null,
    IReadOnlyList<string>? Themes = null,
    IReadOnlyList<int>? Objectives = null,
    IReadOnlyList<SpeakerOnSession>? Speakers = null);

/// <summary>What a change to the agenda gives back: the outcome and the draft's warnings after it.</summary>
public sealed record AgendaChangeOutcome(Result Result, int? SessionId, IReadOnlyList<AgendaWarning> Warnings)
{
    public bool Succeeded => Result.Succeeded;
}

/// <summary>
/// Staff create or change a session of the draft agenda. The change is audited; the public and the
/// itineraries see it once the agenda is published (<see cref="PublishAgenda"/>). Conflicts are
/// warnings, not refusals: the outcome carries the draft's warnings after the change.
/// </summary>
public sealed class SaveConferenceSession(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<AgendaChangeOutcome> RunAsync(UserScope scope, int year, int? id, SessionInput input, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        var session = id is { } existing
            ? await db.ConferenceSessions.Include(s => s.Speakers).FirstOrDefaultAsync(s => s.Id == existing && s.EditionId == editionId, ct)
                ?? throw new OutOfScopeException($"conference session #{existing}")
            : new ConferenceSession { EditionId = editionId };

        if (await CheckAsync(editionId, input, ct) is { } error)
        {
            return new(Result.Fail(error), id, await AgendaEditing.WarningsAsync(db, editionId, ct));
        }

        var before = id is null ? null : Snapshot(session);
        session.Title = input.Title.Trim();
        session.Kind = input.Kind;
        session.Track = input.Kind == SessionKind.Plenary ? null : AgendaEditing.Clean(input.Track);
        session.RoomId = input.RoomId;
        session.Start = DateTime.SpecifyKind(input.Start, DateTimeKind.Unspecified);
        session.End = DateTime.SpecifyKind(input.End, DateTimeKind.Unspecified);
        session.ExpectedAttendance = input.ExpectedAttendance;
        session.Description = AgendaEditing.Clean(input.Description);
        session.Themes = [.. (input.Themes ?? []).Select(t => Themes.Resolve(t)!.Code).Distinct()];
        session.Objectives = [.. (input.Objectives ?? []).Distinct().Order()];
        var wanted = (input.Speakers ?? []).GroupBy(s => s.SpeakerId).Select(g => g.First()).ToList();
        session.Speakers.RemoveAll(x => !wanted.Any(w => w.SpeakerId == x.SpeakerId));
        foreach (var w in wanted)
        {
            var link = session.Speakers.FirstOrDefault(x => x.SpeakerId == w.SpeakerId);
            if (link is null)
            {
                session.Speakers.Add(new SessionSpeaker { SpeakerId = w.SpeakerId, Role = w.Role });
            }
            else
            {
                link.Role = w.Role;
            }
        }

        session.UpdatedAt = clock.GetUtcNow();
        if (id is null)
        {
            db.ConferenceSessions.Add(session);
            await db.SaveChangesAsync(ct);
        }

        var changes = AuditLog.Diff(before ?? [], Snapshot(session));
        if (before is null || changes.Count > 0)
        {
            audit.Record(scope.Actor, before is null ? "ConferenceSessionAdded" : "ConferenceSessionChanged", "ConferenceSession",
                session.Id.ToString(CultureInfo.InvariantCulture), changes);
        }

        await db.SaveChangesAsync(ct);
        return new(Result.Ok, session.Id, await AgendaEditing.WarningsAsync(db, editionId, ct));
    }

    private async Task<string?> CheckAsync(int editionId, SessionInput input, CancellationToken ct)
    {
        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 300)
        {
            return "Give the session a title (up to 300 characters).";
        }

        if (input.End <= input.Start)
        {
            return "The session must end after it starts.";
        }

        if (input.End - input.Start > TimeSpan.FromHours(12))
        {
            return "A session lasts at most 12 hours.";
        }

        if ((input.Track?.Trim().Length ?? 0) > 100)
        {
            return "A track's name has at most 100 characters.";
        }

        if ((input.Description?.Length ?? 0) > 4000)
        {
            return "The description has at most 4,000 characters.";
        }

        if (input.ExpectedAttendance is < 0 or > 100_000)
        {
            return "Expected attendance is a number of people between 0 and 100,000.";
        }

        if (input.RoomId is { } roomId && !await db.ConferenceRooms.AnyAsync(r => r.Id == roomId && r.EditionId == editionId, ct))
        {
            return "Choose one of the conference's rooms.";
        }

        if ((input.Themes ?? []).FirstOrDefault(t => Themes.Resolve(t) is null) is { } unknownTheme)
        {
            return $"'{unknownTheme}' is not a known theme.";
        }

        var objectives = (input.Objectives ?? []).Distinct().ToList();
        if (objectives.Count > 0)
        {
            var known = await db.Objectives.Where(o => o.EditionId == editionId && objectives.Contains(o.Number)).CountAsync(ct);
            if (known != objectives.Count)
            {
                return "Some of the chosen objectives are not this edition's.";
            }
        }

        var speakerIds = (input.Speakers ?? []).Select(s => s.SpeakerId).Distinct().ToList();
        if (speakerIds.Count > 0 && await db.Speakers.CountAsync(s => s.EditionId == editionId && speakerIds.Contains(s.Id), ct) != speakerIds.Count)
        {
            return "Some of the chosen speakers are not on this conference's list.";
        }

        return null;
    }

    internal static Dictionary<string, string?> Snapshot(ConferenceSession s) => new()
    {
        ["title"] = s.Title,
        ["kind"] = s.Kind.ToString(),
        ["track"] = s.Track,
        ["room"] = s.RoomId?.ToString(CultureInfo.InvariantCulture),
        ["start"] = s.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["end"] = s.End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        ["expected"] = s.ExpectedAttendance?.ToString(CultureInfo.InvariantCulture),
        ["description"] = s.Description,
        ["themes"] = string.Join(";", s.Themes),
        ["objectives"] = string.Join(";", s.Objectives),
        ["speakers"] = string.Join(";", s.Speakers.OrderBy(x => x.SpeakerId).Select(x => string.Create(CultureInfo.InvariantCulture, $"{x.SpeakerId}:{x.Role}"))),
        ["cancelled"] = s.Cancelled ? "yes" : "no",
    };
}
