using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tmssw.Core.Conference;

/// <summary>A speaker on a session as a version records it.</summary>
public sealed record SnapshotSpeakerRole(int SpeakerId, SpeakerRole Role);

/// <summary>One session as a published version carries it (local times in the conference's zone).</summary>
public sealed record SnapshotSession(
    int Id,
    string Title,
    SessionKind Kind,
    string? Track,
    int? RoomId,
    string? RoomName,
    DateTime Start,
    DateTime End,
    string? Description,
    IReadOnlyList<string> Themes,
    IReadOnlyList<int> Objectives,
    IReadOnlyList<SnapshotSpeakerRole> Speakers,
    bool Cancelled,
    int Sequence);

/// <summary>A speaker as a published version carries them.</summary>
public sealed record SnapshotSpeaker(int Id, string Name, string? Title, string? Organization, string? Bio);

/// <summary>
/// The whole agenda as it stood when a version was published: what the public, the itineraries and
/// the feeds read. Stored as JSON on <see cref="AgendaVersion.SnapshotJson"/>.
/// </summary>
public sealed record AgendaSnapshot(IReadOnlyList<SnapshotSession> Sessions, IReadOnlyList<SnapshotSpeaker> Speakers)
{
    public static readonly AgendaSnapshot Empty = new([], []);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static AgendaSnapshot FromJson(string json) => JsonSerializer.Deserialize<AgendaSnapshot>(json, Json) ?? Empty;

    /// <summary>The draft as it stands: what publishing would record (with the sequences it would carry set by <see cref="AgendaChangelog"/>).</summary>
    public static AgendaSnapshot Of(IEnumerable<ConferenceSession> sessions, IEnumerable<Speaker> speakers) => new(
        [.. sessions.OrderBy(s => s.Start).ThenBy(s => s.Id).Select(s => new SnapshotSession(
            s.Id, s.Title, s.Kind, s.Track, s.RoomId, s.Room?.Name, s.Start, s.End, s.Description, [.. s.Themes], [.. s.Objectives.Order()],
            [.. s.Speakers.OrderBy(x => x.Role).ThenBy(x => x.SpeakerId).Select(x => new SnapshotSpeakerRole(x.SpeakerId, x.Role))],
            s.Cancelled, s.Sequence))],
        [.. speakers.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => new SnapshotSpeaker(s.Id, s.Name, s.Title, s.Organization, s.Bio))]);

    public SnapshotSpeaker? Speaker(int id) => Speakers.FirstOrDefault(s => s.Id == id);
}
