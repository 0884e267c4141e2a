using Tmssw.Core.Conference;

namespace Tmssw.Core.Tests.Conference;

/// <summary>The changelog between two versions and the SEQUENCE each session carries (pure).</summary>
public sealed class AgendaChangelogTests
{
    private static readonly SnapshotSpeaker Ana = new(7, "Ana (synthetic)", null, null, null);
    private static readonly SnapshotSpeaker Ben = new(8, "Ben (synthetic)", null, null, null);

    private static SnapshotSession S(int id, int hour, string room = "Hall", int roomId = 1, bool cancelled = false, int[]? speakers = null, int sequence = 0) =>
        new(id, $"Session {id}", SessionKind.Parallel, "Track", roomId, room, new DateTime(2024, 5, 16, hour, 0, 0), new DateTime(2024, 5, 16, hour + 1, 0, 0),
            null, [], [], [.. (speakers ?? [7]).Select(x => new SnapshotSpeakerRole(x, SpeakerRole.Speaker))], cancelled, sequence);

    private static AgendaSnapshot V(params SnapshotSession[] sessions) => new(sessions, [Ana, Ben]);

    [Fact]
    public void Added_moved_cancelled_and_new_speakers_are_each_listed()
    {
        var older = V(S(1, 9), S(2, 10), S(3, 11), S(4, 12), S(5, 13));
        var newer = V(S(1, 9), S(2, 14), S(3, 11, cancelled: true), S(4, 12, speakers: [7, 8]), S(6, 15), S(7, 16, room: "Small", roomId: 2).With(room: null));
        var changes = AgendaChangelog.Compare(older, newer);

        Assert.DoesNotContain(changes, c => c.SessionId == 1);
        var moved = Assert.Single(changes, c => c.SessionId == 2);
        Assert.Equal(AgendaChangeKind.Moved, moved.Kind);
        Assert.Equal("from Thu May 16 10:00–11:00 in Hall to Thu May 16 14:00–15:00 in Hall", moved.Detail);
        Assert.Equal(AgendaChangeKind.Cancelled, Assert.Single(changes, c => c.SessionId == 3).Kind);
        var speakers = Assert.Single(changes, c => c.SessionId == 4);
        Assert.Equal((AgendaChangeKind.SpeakersChanged, "now Ana (synthetic), Ben (synthetic) (was Ana (synthetic))"), (speakers.Kind, speakers.Detail));
        Assert.Equal(AgendaChangeKind.Cancelled, Assert.Single(changes, c => c.SessionId == 5).Kind); // dropped from the agenda
        Assert.Equal(AgendaChangeKind.Added, Assert.Single(changes, c => c.SessionId == 6).Kind);
        Assert.Equal(AgendaChangeKind.Added, Assert.Single(changes, c => c.SessionId == 7).Kind);
    }

    [Fact]
    public void A_room_change_alone_is_a_move_and_a_restored_session_says_so()
    {
        var older = V(S(1, 9), S(2, 10, cancelled: true));
        var newer = V(S(1, 9, room: "Small", roomId: 2), S(2, 10));
        var changes = AgendaChangelog.Compare(older, newer);
        Assert.Equal([AgendaChangeKind.Moved, AgendaChangeKind.Restored], changes.Select(c => c.Kind));
        Assert.Contains("in Hall to Thu May 16 09:00–10:00 in Small", changes[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_first_version_lists_every_session_as_added()
    {
        var changes = AgendaChangelog.Compare(AgendaSnapshot.Empty, V(S(1, 9), S(2, 10, cancelled: true)));
        Assert.Equal((AgendaChangeKind.Added, 1), (Assert.Single(changes).Kind, changes[0].SessionId));
    }

    [Fact]
    public void Sequence_rises_only_for_sessions_a_calendar_shows_differently()
    {
        var older = V(S(1, 9, sequence: 2), S(2, 10, sequence: 1), S(3, 11, sequence: 0));
        var newer = V(S(1, 9), S(2, 12), S(3, 11, cancelled: true), S(4, 13));
        var sequenced = AgendaChangelog.Sequenced(older, newer);
        Assert.Equal([2, 2, 1, 0], sequenced.Sessions.Select(s => s.Sequence));
    }

    [Fact]
    public void A_snapshot_survives_its_json()
    {
        var v = V(S(1, 9, cancelled: true, speakers: [7, 8], sequence: 3));
        var back = AgendaSnapshot.FromJson(v.ToJson());
        Assert.Equal(v.ToJson(), back.ToJson());
        Assert.Equal((true, 3, 2), (back.Sessions[0].Cancelled, back.Sessions[0].Sequence, back.Sessions[0].Speakers.Count));
    }
}

internal static class SnapshotSessionExtensions
{
    public static SnapshotSession With(this SnapshotSession s, string? room) => s with { RoomName = room, RoomId = room is null ? null : s.RoomId };
}
