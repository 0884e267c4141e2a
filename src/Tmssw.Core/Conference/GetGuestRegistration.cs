using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Conference;

/// <summary>One of a guest's sessions: its status and, while waiting, the place in line (1 = next).</summary>
public sealed record GuestSessionLine(int SessionId, string Title, DateTime Start, DateTime End, GuestRegistrationStatus Status, int? PlaceInLine);

/// <summary>What the guest's personal page shows: their registration, their sessions and their badge.</summary>
public sealed record GuestRegistrationView(
    int Year,
    string EditionTitle,
    int GuestId,
    string Name,
    string Organization,
    string Position,
    bool Cancelled,
    IReadOnlyList<GuestSessionLine> Sessions,
    Badge Badge);

/// <summary>
/// The guest's personal page, opened by the secret link alone (no account): the registration, each
/// session's status and place in the waiting list, and the badge with a freshly signed QR token
/// (<see cref="BadgeRoles.Guest"/>). An unknown link is null (answered 404).
/// </summary>
public sealed class GetGuestRegistration(TmsswDbContext db, IssueBadgeToken tokens)
{
    public async Task<GuestRegistrationView?> RunAsync(int year, string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > GuestLink.MaxLength)
        {
            return null;
        }

        var hash = GuestLink.Hash(token);
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        var guest = edition is null ? null : await db.ConferenceGuests.AsNoTracking()
            .Include(g => g.Registrations)
            .FirstOrDefaultAsync(g => g.LinkTokenHash == hash && g.EditionId == edition.Id, ct);
        if (edition is null || guest is null)
        {
            return null;
        }

        var ids = guest.Registrations.Select(r => r.SessionId).ToList();
        var sessions = await db.ConferenceSessions.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var lines = new List<GuestSessionLine>();
        foreach (var r in guest.Registrations)
        {
            int? place = null;
            if (r.Status == GuestRegistrationStatus.Waitlisted)
            {
                place = 1 + await db.GuestRegistrations.CountAsync(
                    o => o.SessionId == r.SessionId && o.Status == GuestRegistrationStatus.Waitlisted && o.WaitlistPosition < r.WaitlistPosition, ct);
            }

            var s = sessions[r.SessionId];
            lines.Add(new GuestSessionLine(s.Id, s.Title, s.Start, s.End, r.Status, place));
        }

        var badge = new Badge(guest.Name, guest.Organization, "Conference guest",
            tokens.Issue(new BadgeClaim(year, BadgeRoles.Guest, guest.Id)));
        return new GuestRegistrationView(year, edition.Title, guest.Id, guest.Name, guest.Organization, guest.Position, guest.CancelledAt is not null,
            lines.OrderBy(l => l.Start).ThenBy(l => l.SessionId).ToList(), badge);
    }
}
