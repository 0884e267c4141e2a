using System.Globalization;

namespace Tmssw.Core.Conference;

/// <summary>What happened to a session between two published versions.</summary>
public enum AgendaChangeKind
{
    Added,
    Moved,
    Cancelled,
    Restored,
    SpeakersChanged,
    Renamed,
}

/// <summary>One line of the changelog: a session, what happened and, for a move, from where to where.</summary>
public sealed record AgendaChange(AgendaChangeKind Kind, int SessionId, string Title, string Detail);

/// <summary>
/// The changelog between two consecutive versions, pretalx-style (pure): sessions added, moved
/// (time or room), cancelled (or dropped), restored, with changed speakers, renamed. Also decides
/// each session's iCalendar SEQUENCE in the newer version: one more than before when anything a
/// calendar shows changed, else the same.
/// </summary>
public static class AgendaChangelog
{
    public static IReadOnlyList<AgendaChange> Compare(AgendaSnapshot older, AgendaSnapshot newer)
    {
        var before = older.Sessions.ToDictionary(s => s.Id);
        var changes = new List<AgendaChange>();
        foreach (var s in newer.Sessions)
        {
            if (!before.TryGetValue(s.Id, out var o))
            {
                if (!s.Cancelled)
                {
                    changes.Add(new(AgendaChangeKind.Added, s.Id, s.Title, $"{When(s)}{Where(s)}"));
                }

                continue;
            }

            if (!o.Cancelled && s.Cancelled)
            {
                changes.Add(new(AgendaChangeKind.Cancelled, s.Id, s.Title, $"was {When(o)}{Where(o)}"));
                continue;
            }

            if (o.Cancelled && !s.Cancelled)
            {
                changes.Add(new(AgendaChangeKind.Restored, s.Id, s.Title, $"{When(s)}{Where(s)}"));
                continue;
            }

            if (s.Cancelled)
            {
                continue;
            }

            if (o.Title != s.Title)
            {
                changes.Add(new(AgendaChangeKind.Renamed, s.Id, s.Title, $"was “{o.Title}”"));
            }

            if (o.Start != s.Start || o.End != s.End || o.RoomId != s.RoomId)
            {
                changes.Add(new(AgendaChangeKind.Moved, s.Id, s.Title, $"from {When(o)}{Where(o)} to {When(s)}{Where(s)}"));
            }

            if (!SameSpeakers(o, s))
            {
                changes.Add(new(AgendaChangeKind.SpeakersChanged, s.Id, s.Title, $"now {Names(newer, s)} (was {Names(older, o)})"));
            }
        }

        var kept = newer.Sessions.Select(s => s.Id).ToHashSet();
        foreach (var o in older.Sessions.Where(o => !kept.Contains(o.Id) && !o.Cancelled))
        {
            changes.Add(new(AgendaChangeKind.Cancelled, o.Id, o.Title, $"was {When(o)}{Where(o)}"));
        }

        return changes;
    }

    /// <summary>Whether a calendar entry of the session would differ (time, place, title, description, speakers, status).</summary>
    public static bool Differs(SnapshotSession o, SnapshotSession s) =>
        o.Title != s.Title || o.Start != s.Start || o.End != s.End || o.RoomId != s.RoomId || o.RoomName != s.RoomName
        || o.Cancelled != s.Cancelled || o.Description != s.Description || o.Track != s.Track || !SameSpeakers(o, s);

    /// <summary>The newer version's sessions with their SEQUENCE: raised for each that differs from the older version.</summary>
    public static AgendaSnapshot Sequenced(AgendaSnapshot older, AgendaSnapshot newer)
    {
        var before = older.Sessions.ToDictionary(s => s.Id);
        return newer with
        {
            Sessions = [.. newer.Sessions.Select(s => before.TryGetValue(s.Id, out var o)
                ? s with { Sequence = Differs(o, s) ? o.Sequence + 1 : o.Sequence }
                : s with { Sequence = 0 })],
        };
    }

    private static bool SameSpeakers(SnapshotSession a, SnapshotSession b) =>
        a.Speakers.OrderBy(x => x.SpeakerId).ThenBy(x => x.Role).SequenceEqual(b.Speakers.OrderBy(x => x.SpeakerId).ThenBy(x => x.Role));

    private static string Names(AgendaSnapshot snapshot, SnapshotSession s) =>
        s.Speakers.Count == 0 ? "no speakers" : string.Join(", ", s.Speakers.Select(x => snapshot.Speaker(x.SpeakerId)?.Name ?? $"speaker #{x.SpeakerId}"));

    private static string When(SnapshotSession s) => string.Create(CultureInfo.InvariantCulture, $"{s.Start:ddd MMM d HH:mm}–{s.End:HH:mm}");

    private static string Where(SnapshotSession s) => s.RoomName is null ? "" : $" in {s.RoomName}";
}
