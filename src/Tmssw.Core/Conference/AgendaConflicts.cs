using System.Globalization;

namespace Tmssw.Core.Conference;

/// <summary>The four things the schedule editor warns about, each its own kind.</summary>
public enum AgendaWarningKind
{
    /// <summary>Two sessions in one room at once.</summary>
    RoomDoubleBooked,

    /// <summary>A speaker or moderator in two sessions at once.</summary>
    SpeakerDoubleBooked,

    /// <summary>A session that starts before the venue opens or ends after it closes, or on a day it is closed.</summary>
    OutsideVenueHours,

    /// <summary>A room with fewer seats than the session's expected attendance.</summary>
    RoomTooSmall,
}

/// <summary>One warning on the agenda; <see cref="OtherSessionId"/> names the session it clashes with.</summary>
public sealed record AgendaWarning(AgendaWarningKind Kind, int SessionId, int? OtherSessionId, string Message);

/// <summary>A session as the conflict check reads it.</summary>
public sealed record PlannedSession(int Id, string Title, int? RoomId, DateTime Start, DateTime End, int? ExpectedAttendance, IReadOnlyList<int> SpeakerIds, bool Cancelled = false);

/// <summary>A room as the conflict check reads it.</summary>
public sealed record PlannedRoom(int Id, string Name, int Capacity);

/// <summary>The venue's opening hours on one day.</summary>
public sealed record PlannedDay(DateOnly Date, TimeOnly Opens, TimeOnly Closes);

/// <summary>Everything the conflict check needs: no database.</summary>
public sealed record AgendaPlan(
    IReadOnlyList<PlannedSession> Sessions,
    IReadOnlyList<PlannedRoom> Rooms,
    IReadOnlyList<PlannedDay> Days,
    IReadOnlyDictionary<int, string> SpeakerNames);

/// <summary>
/// The agenda's conflicts (pure: same plan, same warnings, in a stable order). Cancelled sessions
/// are ignored; sessions that only touch (one ends at 10:30, the next starts at 10:30) do not clash.
/// With no venue days at all, hours are not checked.
/// </summary>
public static class AgendaConflicts
{
    public static IReadOnlyList<AgendaWarning> Find(AgendaPlan plan)
    {
        var active = plan.Sessions.Where(s => !s.Cancelled).OrderBy(s => s.Start).ThenBy(s => s.Id).ToList();
        var rooms = plan.Rooms.ToDictionary(r => r.Id);
        var warnings = new List<AgendaWarning>();
        for (var i = 0; i < active.Count; i++)
        {
            var a = active[i];
            for (var j = i + 1; j < active.Count; j++)
            {
                var b = active[j];
                if (b.Start >= a.End)
                {
                    break;
                }

                if (a.RoomId is { } room && room == b.RoomId)
                {
                    var name = rooms.TryGetValue(room, out var r) ? r.Name : $"room #{room}";
                    warnings.Add(new(AgendaWarningKind.RoomDoubleBooked, b.Id, a.Id,
                        $"{name} is booked twice: “{a.Title}” ({Span(a)}) and “{b.Title}” ({Span(b)})."));
                }

                foreach (var speaker in a.SpeakerIds.Intersect(b.SpeakerIds).Order())
                {
                    var name = plan.SpeakerNames.TryGetValue(speaker, out var n) ? n : $"speaker #{speaker}";
                    warnings.Add(new(AgendaWarningKind.SpeakerDoubleBooked, b.Id, a.Id,
                        $"{name} is in two places at once: “{a.Title}” ({Span(a)}) and “{b.Title}” ({Span(b)})."));
                }
            }
        }

        foreach (var s in active)
        {
            if (plan.Days.Count > 0)
            {
                var day = plan.Days.FirstOrDefault(d => d.Date == DateOnly.FromDateTime(s.Start));
                if (day is null)
                {
                    warnings.Add(new(AgendaWarningKind.OutsideVenueHours, s.Id, null,
                        string.Create(CultureInfo.InvariantCulture, $"“{s.Title}” is on {s.Start:ddd MMM d}, when the venue is not open for the conference.")));
                }
                else if (TimeOnly.FromDateTime(s.Start) < day.Opens || s.End > day.Date.ToDateTime(day.Closes))
                {
                    warnings.Add(new(AgendaWarningKind.OutsideVenueHours, s.Id, null,
                        string.Create(CultureInfo.InvariantCulture, $"“{s.Title}” ({Span(s)}) is outside the venue's hours on {day.Date:ddd MMM d} ({day.Opens:HH:mm}–{day.Closes:HH:mm}).")));
                }
            }

            if (s.RoomId is { } roomId && s.ExpectedAttendance is { } expected && rooms.TryGetValue(roomId, out var room) && expected > room.Capacity)
            {
                warnings.Add(new(AgendaWarningKind.RoomTooSmall, s.Id, null,
                    $"“{s.Title}” expects {expected} people, but {room.Name} seats {room.Capacity}."));
            }
        }

        return warnings;
    }

    private static string Span(PlannedSession s) => string.Create(CultureInfo.InvariantCulture, $"{s.Start:ddd MMM d HH:mm}–{s.End:HH:mm}");
}
