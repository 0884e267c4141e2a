using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core;
using Tmssw.Core.Conference;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Conference;

/// <summary>
/// /manage/{year}/conference: the staff schedule editor. A day × room grid (drag a session onto a
/// slot with wwwroot/js/agenda.js, which fills and posts the move form) and, for keyboard and touch,
/// a move form on every session and forms for sessions, speakers, rooms, venue hours and publishing.
/// After every change the page shows the draft's warnings and what publishing would change.
/// Admin and the edition's Staff only (others: 403 by policy; another edition's Staff: 404).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditorModel(
    CurrentUser current,
    GetAgendaEditor getEditor,
    SaveConferenceSession saveSession,
    MoveConferenceSession moveSession,
    CancelConferenceSession cancelSession,
    SaveSpeaker saveSpeaker,
    SaveRoom saveRoom,
    SaveVenueHours saveHours,
    PublishAgenda publish) : EditionPage(current)
{
    public const int SlotMinutes = 30;

    public AgendaEditor Editor { get; private set; } = null!;

    public string? Problem { get; private set; }

    public string? Notice { get; private set; }

    public int? Changed { get; private set; }

    [BindProperty]
    public SessionForm SessionInput { get; set; } = new();

    [BindProperty]
    public SpeakerForm SpeakerInput { get; set; } = new();

    [BindProperty]
    public RoomForm RoomInput { get; set; } = new();

    [BindProperty]
    public HoursForm HoursInput { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int year, int? edit, int? speaker, int? room, int? changed, string? done, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Changed = changed;
        Notice = done switch
        {
            "session" => "Session saved.",
            "moved" => "Session moved.",
            "cancelled" => "Session cancelled.",
            "restored" => "Session restored.",
            "speaker" => "Speaker saved.",
            "room" => "Room saved.",
            "hours" => "Venue hours saved.",
            "published" => $"Published as {(Editor.Versions.Count > 0 ? Editor.Versions[0].Name : "")}: the public pages, the participants' itineraries and the feeds now show it.",
            _ => null,
        };
        Prefill(edit, speaker, room);
        return Page();
    }

    public async Task<IActionResult> OnPostSessionAsync(int year, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var f = SessionInput;
        if (!TryLocal(f.Start, out var start) || !TryLocal(f.End, out var end))
        {
            return await FailAsync(year, "Give the start and end as local date and time (e.g. 2024-05-16T09:00).", cancellationToken);
        }

        if (!TryCount(f.ExpectedAttendance, out var expected))
        {
            return await FailAsync(year, "Expected attendance is a whole number of people (e.g. 120).", cancellationToken);
        }

        var people = (f.Speakers ?? []).Select(id => new SpeakerOnSession(id, SpeakerRole.Speaker))
            .Concat((f.Moderators ?? []).Select(id => new SpeakerOnSession(id, SpeakerRole.Moderator)))
            .ToList();
        var outcome = await saveSession.RunAsync(Scope, year, f.Id, new SessionInput(
            f.Title ?? "", f.Kind, f.Track, f.RoomId, start, end, expected, f.Description, f.Themes ?? [], f.Objectives ?? [], people), cancellationToken);
        return outcome.Succeeded ? Done(year, "session", outcome.SessionId) : await FailAsync(year, outcome.Result.Error, cancellationToken);
    }

    /// <summary>The grid's drop and every session's keyboard move form: a new day and time (the length is kept) and a room.</summary>
    public async Task<IActionResult> OnPostMoveAsync(int year, int sessionId, string? date, string? time, int? roomId, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return await FailAsync(year, "Give the new day (e.g. 2024-05-16) and start time (e.g. 09:30).", cancellationToken);
        }

        var outcome = await moveSession.RunAsync(Scope, year, sessionId, day.ToDateTime(at), roomId, cancellationToken);
        return outcome.Succeeded ? Done(year, "moved", sessionId) : await FailAsync(year, outcome.Result.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostCancelAsync(int year, int sessionId, bool restore, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var outcome = await cancelSession.RunAsync(Scope, year, sessionId, !restore, cancellationToken);
        return outcome.Succeeded ? Done(year, restore ? "restored" : "cancelled", sessionId) : await FailAsync(year, outcome.Result.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostSpeakerAsync(int year, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var f = SpeakerInput;
        var (_, result) = await saveSpeaker.RunAsync(Scope, year, f.Id, new SpeakerInput(f.Name ?? "", f.Title, f.Organization, f.Bio), cancellationToken);
        return result.Succeeded ? Done(year, "speaker", null) : await FailAsync(year, result.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostRoomAsync(int year, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var f = RoomInput;
        if (!TryCount(f.Capacity, out var capacity) || capacity is null)
        {
            return await FailAsync(year, "Give the room's capacity as a whole number of seats (e.g. 120).", cancellationToken);
        }

        var outcome = await saveRoom.RunAsync(Scope, year, f.Id, f.Name ?? "", capacity.Value, cancellationToken);
        return outcome.Succeeded ? Done(year, "room", null) : await FailAsync(year, outcome.Result.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostHoursAsync(int year, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var f = HoursInput;
        var opens = default(TimeOnly);
        var closes = default(TimeOnly);
        var timesOk = f.Remove
            || (TimeOnly.TryParseExact(f.Opens, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out opens)
                && TimeOnly.TryParseExact(f.Closes, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out closes));
        if (!DateOnly.TryParseExact(f.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) || !timesOk)
        {
            return await FailAsync(year, "Give the day (e.g. 2024-05-16) and the opening and closing times (e.g. 08:00 and 18:00).", cancellationToken);
        }

        var outcome = await saveHours.RunAsync(Scope, year, day, opens, closes, f.Remove, cancellationToken);
        return outcome.Succeeded ? Done(year, "hours", null) : await FailAsync(year, outcome.Result.Error, cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(int year, string? versionName, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (_, result) = await publish.RunAsync(Scope, year, versionName ?? "", cancellationToken);
        return result.Succeeded ? Done(year, "published", null) : await FailAsync(year, result.Error, cancellationToken);
    }

    /// <summary>The rows of a day's grid: from the venue's opening (or 08:00) to its closing (or 18:00), widened to hold every session.</summary>
    public IReadOnlyList<TimeOnly> Slots(DateOnly day)
    {
        var hours = Editor.Days.FirstOrDefault(d => d.Date == day);
        var sessions = Editor.Sessions.Where(s => DateOnly.FromDateTime(s.Start) == day).ToList();
        var first = new[] { hours?.Opens ?? new TimeOnly(8, 0) }.Concat(sessions.Select(s => TimeOnly.FromDateTime(s.Start))).Min();
        var last = new[] { hours?.Closes ?? new TimeOnly(18, 0) }.Concat(sessions.Select(s => TimeOnly.FromDateTime(s.End))).Max();
        var start = new TimeOnly(first.Hour, first.Minute >= SlotMinutes ? SlotMinutes : 0);
        var slots = new List<TimeOnly>();
        for (var t = start; t < last && slots.Count < 48; t = t.AddMinutes(SlotMinutes))
        {
            slots.Add(t);
            if (t.AddMinutes(SlotMinutes) < t)
            {
                break;
            }
        }

        return slots;
    }

    /// <summary>The sessions that start in a slot of a room (null room: sessions with no room yet).</summary>
    public IEnumerable<ConferenceSession> At(DateOnly day, TimeOnly slot, int? roomId) =>
        Editor.Sessions.Where(s => DateOnly.FromDateTime(s.Start) == day && s.RoomId == roomId
            && TimeOnly.FromDateTime(s.Start) >= slot && TimeOnly.FromDateTime(s.Start) < slot.AddMinutes(SlotMinutes));

    public static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Hm(DateTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private RedirectResult Done(int year, string what, int? sessionId) =>
        Redirect($"/manage/{year}/conference?done={what}" + (sessionId is { } id ? string.Create(CultureInfo.InvariantCulture, $"&changed={id}#session-{id}") : ""));

    private async Task<IActionResult> FailAsync(int year, string? error, CancellationToken cancellationToken)
    {
        Problem = error ?? "The change could not be made.";
        await PrepareAsync(year, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Editor = await getEditor.RunAsync(Scope, year, cancellationToken);
        return null;
    }

    private void Prefill(int? edit, int? speaker, int? room)
    {
        if (edit is { } id && Editor.Sessions.FirstOrDefault(s => s.Id == id) is { } s)
        {
            SessionInput = new SessionForm
            {
                Id = s.Id, Title = s.Title, Kind = s.Kind, Track = s.Track, RoomId = s.RoomId, Start = Local(s.Start), End = Local(s.End),
                ExpectedAttendance = s.ExpectedAttendance?.ToString(CultureInfo.InvariantCulture), Description = s.Description, Themes = [.. s.Themes],
                Objectives = [.. s.Objectives], Speakers = [.. s.Speakers.Where(x => x.Role == SpeakerRole.Speaker).Select(x => x.SpeakerId)],
                Moderators = [.. s.Speakers.Where(x => x.Role == SpeakerRole.Moderator).Select(x => x.SpeakerId)],
            };
        }
        else if (Editor.GridDays.Count > 0 && Editor.GridDays[0] is var firstDay)
        {
            SessionInput.Start = Local(firstDay.ToDateTime(new TimeOnly(9, 0)));
            SessionInput.End = Local(firstDay.ToDateTime(new TimeOnly(10, 0)));
        }

        if (speaker is { } sp && Editor.Speakers.FirstOrDefault(x => x.Id == sp) is { } p)
        {
            SpeakerInput = new SpeakerForm { Id = p.Id, Name = p.Name, Title = p.Title, Organization = p.Organization, Bio = p.Bio };
        }

        if (room is { } r && Editor.Rooms.FirstOrDefault(x => x.Id == r) is { } rm)
        {
            RoomInput = new RoomForm { Id = rm.Id, Name = rm.Name, Capacity = rm.Capacity.ToString(CultureInfo.InvariantCulture) };
        }
    }

    private static bool TryLocal(string? text, out DateTime value) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static bool TryCount(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            value = v;
            return true;
        }

        return false;
    }

    public sealed class SessionForm
    {
        public int? Id { get; set; }
        public string? Title { get; set; }
        public SessionKind Kind { get; set; } = SessionKind.Parallel;
        public string? Track { get; set; }
        public int? RoomId { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? ExpectedAttendance { get; set; }
        public string? Description { get; set; }
        public List<string>? Themes { get; set; }
        public List<int>? Objectives { get; set; }
        public List<int>? Speakers { get; set; }
        public List<int>? Moderators { get; set; }
    }

    public sealed class SpeakerForm
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Organization { get; set; }
        public string? Bio { get; set; }
    }

    public sealed class RoomForm
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Capacity { get; set; }
    }

    public sealed class HoursForm
    {
        public string? Date { get; set; }
        public string? Opens { get; set; }
        public string? Closes { get; set; }
        public bool Remove { get; set; }
    }
}
