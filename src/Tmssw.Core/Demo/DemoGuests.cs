using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Conference;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Demo;

/// <summary>
/// The 2024 demo conference's outside guests and door check-ins, so the guest, check-in and attendance
/// pages show data on first start: guest places on the conference's sessions (found by edition and
/// start time, whatever the agenda holds), five invented guests (names marked "(synthetic)",
/// example.org addresses) with approved, pending and waitlisted requests, and check-ins of
/// participants and guests at the first two sessions. Loaded once: nothing is added when the edition
/// already has guests. The guests' personal links are random and shown to nobody.
/// </summary>
internal static class DemoGuests
{
    private static readonly NominationStatus[] OnTheWay = [NominationStatus.Vetted, NominationStatus.Confirmed, NominationStatus.Traveling, NominationStatus.Completed];

    public static async Task<int> AddAsync(TmsswDbContext db, int editionId, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ConferenceGuests.AnyAsync(g => g.EditionId == editionId, ct))
        {
            return 0;
        }

        var sessions = await db.ConferenceSessions.Where(s => s.EditionId == editionId && !s.Cancelled).OrderBy(s => s.Start).ThenBy(s => s.Id).ToListAsync(ct);
        if (sessions.Count < 2)
        {
            return 0;
        }

        // Three places at the opening, two at every other session.
        for (var i = 0; i < sessions.Count; i++)
        {
            sessions[i].GuestCap ??= i == 0 ? 3 : 2;
        }

        var now = clock.GetUtcNow();
        var opening = sessions[0];
        var second = sessions[1];
        ConferenceGuest Guest(string name, string position, string organization, string email, params (ConferenceSession Session, GuestRegistrationStatus Status, int? Position)[] requests)
        {
            var guest = new ConferenceGuest
            {
                EditionId = editionId, Name = name, Position = position, Organization = organization, Email = email,
                LinkTokenHash = GuestLink.Hash(GuestLink.NewToken()), IsSynthetic = true, RegisteredAt = now,
            };
            guest.Registrations.AddRange(requests.Select(r => new GuestRegistration
            {
                SessionId = r.Session.Id, Status = r.Status, WaitlistPosition = r.Position, CreatedAt = now, UpdatedAt = now,
            }));
            db.ConferenceGuests.Add(guest);
            return guest;
        }

        var dana = Guest("Dana Whitfield (synthetic)", "Detective Sergeant", "New York City Police Department", "dana.whitfield@example.org",
            (opening, GuestRegistrationStatus.Approved, null));
        var marcus = Guest("Marcus Ellery (synthetic)", "Assistant District Attorney", "New York County District Attorney's Office", "marcus.ellery@example.org",
            (opening, GuestRegistrationStatus.Approved, null), (second, GuestRegistrationStatus.Approved, null));
        Guest("Priya Raman (synthetic)", "Financial Crimes Compliance Lead", "Example Bank N.A. (synthetic)", "priya.raman@example.org",
            (second, GuestRegistrationStatus.Approved, null));
        Guest("Tomasz Nowicki (synthetic)", "Special Agent", "Homeland Security Investigations, New York", "tomasz.nowicki@example.org",
            (second, GuestRegistrationStatus.Waitlisted, 1));
        Guest("Grace Okafor (synthetic)", "Maritime Security Analyst", "Harbor Risk Partners (synthetic)", "grace.okafor@example.org",
            (opening, GuestRegistrationStatus.Pending, null));
        await db.SaveChangesAsync(ct);

        // Check-ins at the door: the first participants on the way, and the approved guests, a few minutes after each session began.
        var zone = await ConferenceZone.OfAsync(db, editionId, ct);
        var people = await db.Participants.Where(p => p.EditionId == editionId && OnTheWay.Contains(p.Status)).OrderBy(p => p.Id).Select(p => p.Id).Take(12).ToListAsync(ct);
        var added = 0;
        void CheckIn(ConferenceSession session, string kind, int personId, int minutes)
        {
            var local = session.Start.AddMinutes(minutes - 15);
            var at = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            db.CheckIns.Add(new CheckIn
            {
                EditionId = editionId, SessionId = session.Id, PersonKind = kind, PersonId = personId, ScannedAt = at, RecordedAt = at, RecordedBy = LoadDemo.Actor,
            });
            added++;
        }

        for (var i = 0; i < people.Count; i++)
        {
            CheckIn(opening, BadgeRoles.Participant, people[i], i);
            if (i % 2 == 0)
            {
                CheckIn(second, BadgeRoles.Participant, people[i], i);
            }
        }

        CheckIn(opening, BadgeRoles.Guest, dana.Id, 3);
        CheckIn(opening, BadgeRoles.Guest, marcus.Id, 5);
        CheckIn(second, BadgeRoles.Guest, marcus.Id, 2);
        await db.SaveChangesAsync(ct);
        return added;
    }
}
