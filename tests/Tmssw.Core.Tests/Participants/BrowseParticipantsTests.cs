using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Demo;
using Tmssw.Core.Participants;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants;

/// <summary>
/// The participant list's totals and filter choices, recomputed here from the rows: the unfiltered list takes
/// its total from the choices' counts (one query fewer), a narrowed list counts its own.
/// </summary>
public sealed class BrowseParticipantsTests
{
    [Theory, ProviderData]
    public async Task Totals_and_choices_match_the_rows_in_scope(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = await database.MigratedContextAsync();
        await new LoadDemo(db, TimeProvider.System).RunAsync();
        var edition = await db.Editions.SingleAsync(e => e.Year == 2024);
        var browse = new BrowseParticipants(db, new SearchParticipants(db));
        var all = await db.Participants.AsNoTracking().Where(p => p.EditionId == edition.Id).ToListAsync();
        Assert.True(all.Count > 50);

        var admin = UserScope.Admin();
        var list = await browse.RunAsync(admin, edition.Id, new ParticipantFilter());
        Assert.Equal(all.Count, list.Page.Total);
        Assert.Equal(50, list.Page.Rows.Count);
        Assert.Equal(all.Select(p => p.Country).Distinct().Order(), list.Countries.Select(c => c.Alpha2).Order());
        Assert.Equal(all.Select(p => p.Region).Distinct().Order(StringComparer.Ordinal), list.Regions);

        var country = all.GroupBy(p => p.Country).OrderByDescending(g => g.Count()).First().Key;
        var narrowed = await browse.RunAsync(admin, edition.Id, new ParticipantFilter(Country: country));
        Assert.Equal(all.Count(p => p.Country == country), narrowed.Page.Total);
        var searched = await browse.RunAsync(admin, edition.Id, new ParticipantFilter(Status: all[0].Status, Page: 2));
        Assert.Equal(all.Count(p => p.Status == all[0].Status), searched.Page.Total);

        // A Nominator sees their country only: its total and its one country and region.
        var nominator = new UserScope("u-n", "nominator", new HashSet<string> { Roles.Nominator }, new HashSet<int>(), Country: country);
        var own = await browse.RunAsync(nominator, edition.Id, new ParticipantFilter());
        Assert.Equal(all.Count(p => p.Country == country), own.Page.Total);
        Assert.Equal([country], own.Countries.Select(c => c.Alpha2));
        Assert.Equal(all.Where(p => p.Country == country).Select(p => p.Region).Distinct(), own.Regions);
    }
}
