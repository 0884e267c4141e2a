using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Demo;
using Tmssw.Core.Editions;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Demo;

public sealed class DemoTests
{
    [Theory, ProviderData]
    public async Task The_demo_loads_ten_editions_and_56_participants_from_47_countries_once(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = await database.MigratedContextAsync())
        {
            var first = await new LoadDemo(db, TimeProvider.System).RunAsync();
            Assert.Equal(10, first.Editions);
            Assert.Equal(56, first.Participants);
        }

        await using (var db = database.NewContext())
        {
            var second = await new LoadDemo(db, TimeProvider.System).RunAsync();
            Assert.False(second.AddedAnything, $"A second load added: {second}");
        }

        await using (var db = database.NewContext())
        {
            var summaries = await new ListEditionSummaries(db).RunAsync();
            Assert.Equal(Enumerable.Range(2015, 10), summaries.Select(s => s.Year));
            Assert.Equal(Enumerable.Range(1, 10), summaries.Select(s => s.Ordinal));
            var e2024 = summaries.Single(s => s.Year == 2024);
            Assert.Equal((56, 47), (e2024.Participants, e2024.Countries));

            // Both sources' 2024 figures are kept, neither chosen over the other.
            Assert.Contains(e2024.Published, f => f is { Metric: "Participants", Value: 50, Qualifier: "Over" } && f.Source.Contains("Department of State"));
            Assert.Contains(e2024.Published, f => f is { Metric: "Participants", Value: 56 } && f.Source.Contains("Meridian"));
            Assert.Empty(summaries.Single(s => s.Year == 2021).Published);
            Assert.Empty(summaries.Single(s => s.Year == 2022).Published);
            Assert.Equal(4, summaries.Single(s => s.Year == 2019).Published.Count);

            var edition = await db.Editions.Include(e => e.Objectives).Include(e => e.Phases).SingleAsync(e => e.Year == 2024);
            Assert.Equal(4, edition.Objectives.Count);
            Assert.Equal(new DateOnly(2024, 4, 29), edition.StartDate);
            Assert.Equal(new DateOnly(2024, 5, 17), edition.EndDate);
            Assert.Equal("Meridian International Center", edition.ImplementingPartner);
            Assert.Contains(edition.Phases, p => p.Kind == PhaseKind.Conference && p.Description!.Contains("FBI New York Field Office"));
            Assert.Equal(9, edition.Phases.Single(p => p.Kind == PhaseKind.CitySplit).CityIds.Count);

            Assert.True(await db.Participants.AllAsync(p => p.IsSynthetic));
            Assert.Equal(9, await db.Groups.CountAsync(g => g.EditionId == edition.Id));
            var offers = await db.MeetingOffers.Include(o => o.Windows).Include(o => o.Host).Where(o => o.EditionId == edition.Id).ToListAsync();
            Assert.All(offers, o => Assert.NotEmpty(o.Windows));
            Assert.Equal(9, offers.Select(o => o.Host!.CityId).Distinct().Count());
            Assert.True(await db.Posts.CountAsync() >= 3);
        }
    }

    [Fact]
    public void Availability_patterns_expand_onto_the_meeting_days()
    {
        var days = new[] { new DateOnly(2024, 5, 8), new DateOnly(2024, 5, 9), new DateOnly(2024, 5, 13) };
        var windows = Tmssw.Core.Hosts.AvailabilityPattern.Expand("Mon-Wed 13:00-17:00; Thu 09:00-12:00", days);
        Assert.Equal(
            [new DateTime(2024, 5, 8, 13, 0, 0), new DateTime(2024, 5, 9, 9, 0, 0), new DateTime(2024, 5, 13, 13, 0, 0)],
            windows.Select(w => w.Start));
        Assert.Throws<FormatException>(() => Tmssw.Core.Hosts.AvailabilityPattern.Expand("Someday 9-5", days));
    }
}
