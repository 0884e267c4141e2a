using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>A session's guest places: the cap (null: no guests), places held (pending + approved) and the waiting list's length.</summary>
public sealed record GuestSessionPlaces(int SessionId, string Title, DateTime Start, DateTime End, int? Cap, int Pending, int Approved, int Waiting);

public sealed record GuestRequestLine(int RegistrationId, int SessionId, GuestRegistrationStatus Status, int? PlaceInLine);

public sealed record GuestLine(int Id, string Name, string Organization, string Position, string Email, bool IsSynthetic, DateTimeOffset RegisteredAt, IReadOnlyList<GuestRequestLine> Requests);

public sealed record GuestList(int Year, IReadOnlyList<GuestSessionPlaces> Sessions, IReadOnlyList<GuestLine> Guests)
{
    public string SessionTitle(int id) => Sessions.FirstOrDefault(s => s.SessionId == id)?.Title ?? $"session #{id}";
}

/// <summary>The staff's guest page: every guest with their requests, and each session's places. The edition's runners only.</summary>
public sealed class ListGuests(TmsswDbContext db)
{
    public async Task<GuestList> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayManageGuests(edition.Id))
        {
            throw new OutOfScopeException($"the guests of edition {year}");
        }

        var sessions = await db.ConferenceSessions.AsNoTracking().Where(s => s.EditionId == edition.Id).OrderBy(s => s.Start).ThenBy(s => s.Id).ToListAsync(ct);
        var guests = await db.ConferenceGuests.AsNoTracking().Include(g => g.Registrations)
            .Where(g => g.EditionId == edition.Id).OrderBy(g => g.RegisteredAt).ThenBy(g => g.Id).ToListAsync(ct);
        var all = guests.SelectMany(g => g.Registrations).ToList();
        int? Rank(GuestRegistration r) => r.Status == GuestRegistrationStatus.Waitlisted
            ? 1 + all.Count(o => o.SessionId == r.SessionId && o.Status == GuestRegistrationStatus.Waitlisted && o.WaitlistPosition < r.WaitlistPosition)
            : null;
        var places = sessions.Select(s => new GuestSessionPlaces(s.Id, s.Title, s.Start, s.End, s.GuestCap,
            all.Count(r => r.SessionId == s.Id && r.Status == GuestRegistrationStatus.Pending),
            all.Count(r => r.SessionId == s.Id && r.Status == GuestRegistrationStatus.Approved),
            all.Count(r => r.SessionId == s.Id && r.Status == GuestRegistrationStatus.Waitlisted))).ToList();
        var order = sessions.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var lines = guests.Select(g => new GuestLine(g.Id, g.Name, g.Organization, g.Position, g.Email, g.IsSynthetic, g.RegisteredAt,
            g.Registrations.OrderBy(r => order.GetValueOrDefault(r.SessionId, int.MaxValue))
                .Select(r => new GuestRequestLine(r.Id, r.SessionId, r.Status, Rank(r))).ToList())).ToList();
        return new GuestList(year, places, lines);
    }
}
