using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Conference;

public sealed class GuestPlacesTests
{
    private static readonly UserScope Admin = UserScope.Admin("test");

    private static GuestInput Input(int i, params int[] sessions) =>
        new($"Guest {i}", "Agency", "Analyst", $"guest{i}@example.org", sessions);

    private static Task<(int Held, int Waiting, int? Cap, List<int> Positions)> PlacesAsync(ConferenceServices app, int sessionId) => app.QueryAsync(async db =>
    {
        var rows = await db.GuestRegistrations.Where(r => r.SessionId == sessionId).ToListAsync();
        var cap = await db.ConferenceSessions.Where(s => s.Id == sessionId).Select(s => s.GuestCap).SingleAsync();
        return (rows.Count(r => r.HoldsPlace), rows.Count(r => r.Status == GuestRegistrationStatus.Waitlisted), cap,
            rows.Where(r => r.WaitlistPosition != null).Select(r => r.WaitlistPosition!.Value).Order().ToList());
    });

    [Theory, ProviderData]
    public async Task Concurrent_registrations_never_exceed_the_cap(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var session = (await app.SessionIdsAsync())[2];
        Assert.True((await app.RunAsync<Result, SetGuestCap>(u => u.RunAsync(Admin, DemoDatabase.Year, session, 3))).Succeeded);
        var (heldBefore, _, _, _) = await PlacesAsync(app, session);

        // Twenty registrations at once, each on its own DbContext and connection.
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(100, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(i, session), honeypot: null));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        Assert.All(outcomes, o => Assert.Equal(GuestRegistrationResult.Registered, o.Result));
        var (held, waiting, cap, positions) = await PlacesAsync(app, session);
        Assert.Equal(3, cap);
        Assert.Equal(3, held);
        Assert.Equal(20 - (3 - heldBefore), waiting);
        Assert.Equal(positions.Distinct().Count(), positions.Count);
    }

    [Theory, ProviderData]
    public async Task Concurrent_registrations_cancellations_and_decisions_keep_the_cap_and_fill_freed_places(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var session = (await app.SessionIdsAsync())[3];
        Assert.True((await app.RunAsync<Result, SetGuestCap>(u => u.RunAsync(Admin, DemoDatabase.Year, session, 4))).Succeeded);
        var first = new List<GuestRegistrationOutcome>();
        for (var i = 0; i < 8; i++)
        {
            first.Add(await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(i, session), null)));
        }

        var requests = await app.QueryAsync(db => db.GuestRegistrations.Where(r => r.SessionId == session).OrderBy(r => r.Id).ToListAsync());
        var holding = requests.Where(r => r.HoldsPlace).ToList();
        var waiting = requests.Where(r => r.Status == GuestRegistrationStatus.Waitlisted).ToList();
        Assert.Equal(4, holding.Count);

        using var start = new ManualResetEventSlim();
        var work = new List<Func<Task>>();
        for (var i = 50; i < 56; i++)
        {
            var n = i;
            work.Add(() => app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(n, session), null)));
        }

        foreach (var o in first.Take(2))
        {
            work.Add(() => app.RunAsync<bool, CancelGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, o.LinkToken!)));
        }

        work.Add(() => app.RunAsync<Result, DecideGuestRegistration>(u => u.RefuseAsync(Admin, DemoDatabase.Year, holding[3].Id)));
        foreach (var w in waiting)
        {
            work.Add(() => app.RunAsync<Result, DecideGuestRegistration>(u => u.ApproveAsync(Admin, DemoDatabase.Year, w.Id)));
        }

        var tasks = work.Select(w => Task.Run(async () =>
        {
            start.Wait();
            await w();
        })).ToList();
        start.Set();
        await Task.WhenAll(tasks);

        var (held, waitingAfter, cap, _) = await PlacesAsync(app, session);
        Assert.Equal(4, cap);
        Assert.Equal(4, held); // three places freed, and the waiting list (never empty here) filled them
        Assert.Equal(4 + 6 - 3, waitingAfter); // four waited, six joined, three moved up
    }

    [Theory, ProviderData]
    public async Task A_guest_cancelling_by_the_personal_link_moves_the_first_in_line_up(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var session = (await app.SessionIdsAsync())[2];
        Assert.True((await app.RunAsync<Result, SetGuestCap>(u => u.RunAsync(Admin, DemoDatabase.Year, session, 1))).Succeeded);
        var (held0, _, _, _) = await PlacesAsync(app, session);
        Assert.Equal(0, held0);
        var a = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(1, session), null));
        var b = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(2, session), null));
        var c = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(3, session), null));

        var viewB = await app.RunAsync<GuestRegistrationView?, GetGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, b.LinkToken!));
        Assert.Equal(GuestRegistrationStatus.Waitlisted, viewB!.Sessions.Single().Status);
        Assert.Equal(1, viewB.Sessions.Single().PlaceInLine);
        var viewC = await app.RunAsync<GuestRegistrationView?, GetGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, c.LinkToken!));
        Assert.Equal(2, viewC!.Sessions.Single().PlaceInLine);

        Assert.False(await app.RunAsync<bool, CancelGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, "not-a-real-link")));
        Assert.True(await app.RunAsync<bool, CancelGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, a.LinkToken!)));

        viewB = await app.RunAsync<GuestRegistrationView?, GetGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, b.LinkToken!));
        Assert.Equal(GuestRegistrationStatus.Pending, viewB!.Sessions.Single().Status);
        viewC = await app.RunAsync<GuestRegistrationView?, GetGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, c.LinkToken!));
        Assert.Equal(1, viewC!.Sessions.Single().PlaceInLine);
        var viewA = await app.RunAsync<GuestRegistrationView?, GetGuestRegistration>(u => u.RunAsync(DemoDatabase.Year, a.LinkToken!));
        Assert.True(viewA!.Cancelled);

        // Only the hash of a link is stored.
        var stored = await app.QueryAsync(db => db.ConferenceGuests.Select(g => g.LinkTokenHash).ToListAsync());
        Assert.DoesNotContain(a.LinkToken, stored);
        Assert.Contains(GuestLink.Hash(a.LinkToken!), stored);
    }

    [Theory, ProviderData]
    public async Task Duplicates_honeypot_and_bad_fields_are_refused_with_messages(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var sessions = await app.SessionIdsAsync();
        var ok = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(7, sessions[0]), null));
        Assert.Equal(GuestRegistrationResult.Registered, ok.Result);

        var again = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year,
            new GuestInput("Someone Else", "X", "Y", "  GUEST7@Example.org ", [sessions[1]]), null));
        Assert.Equal(GuestRegistrationResult.Duplicate, again.Result);
        Assert.Contains("already registered", again.Errors["Email"], StringComparison.Ordinal);

        var spam = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(8, sessions[0]), "http://spam.example"));
        Assert.Equal(GuestRegistrationResult.Refused, spam.Result);
        Assert.False(await app.QueryAsync(db => db.ConferenceGuests.AnyAsync(g => g.Email == "guest8@example.org")));

        var bad = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year,
            new GuestInput("", new string('o', 201), "Analyst", "not-an-address", []), null));
        Assert.Equal(GuestRegistrationResult.Invalid, bad.Result);
        Assert.Equal(["Email", "Name", "Organization", "SessionIds"], bad.Errors.Keys.Order(StringComparer.Ordinal));

        var closed = await app.RunAsync<GuestRegistrationOutcome, RegisterGuest>(u => u.RunAsync(DemoDatabase.Year, Input(9, 999999), null));
        Assert.Equal(GuestRegistrationResult.Invalid, closed.Result);
        Assert.Contains("#999999", closed.Errors["SessionIds"], StringComparison.Ordinal);
    }
}
