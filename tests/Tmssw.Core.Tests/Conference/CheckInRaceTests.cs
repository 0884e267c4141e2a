using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;
using Tmssw.Core.Itineraries;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Conference;

public sealed class CheckInRaceTests
{
    [Theory, ProviderData]
    public async Task Phones_scanning_the_same_badge_at_once_count_it_once(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var session = (await app.SessionIdsAsync())[3];
        // A participant of the conference's edition (the demo's alumni of earlier editions come later by id).
        var participant = await app.QueryAsync(db => db.Participants
            .Where(p => db.Editions.Any(e => e.Id == p.EditionId && e.Year == DemoDatabase.Year))
            .OrderByDescending(p => p.Id).Select(p => p.Id).FirstAsync());
        string token;
        await using (var scope = app.Scope())
        {
            token = scope.ServiceProvider.GetRequiredService<IssueBadgeToken>().Issue(new BadgeClaim(DemoDatabase.Year, BadgeRoles.Participant, participant));
        }

        using var start = new ManualResetEventSlim();
        var scannedAt = new DateTimeOffset(2024, 5, 17, 14, 2, 0, TimeSpan.Zero);
        var tasks = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await app.RunAsync<CheckInOutcome, RecordCheckIn>(u => u.RunAsync(UserScope.Admin($"phone {i}"), DemoDatabase.Year, token, session, scannedAt.AddSeconds(i)));
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(tasks);

        Assert.Single(outcomes, o => o.Result == CheckInResult.CheckedIn);
        Assert.Equal(5, outcomes.Count(o => o.Result == CheckInResult.Duplicate));
        var row = await app.QueryAsync(db => db.CheckIns.SingleAsync(c => c.SessionId == session && c.PersonId == participant && c.PersonKind == BadgeRoles.Participant));
        Assert.All(outcomes, o => Assert.Equal(row.ScannedAt, o.CheckedInAt));
        Assert.Equal("10:02", outcomes[0].LocalTime); // 14:02 UTC is 10:02 in New York (EDT)
    }
}
