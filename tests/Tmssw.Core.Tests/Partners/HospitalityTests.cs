using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Partners;
using Tmssw.Planning;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Partners;

/// <summary>
/// Home hospitality on the demo edition: households in every city, a placement planned and saved,
/// and the dinner in each guest's itinerary and calendar feed (read back by ical.js).
/// </summary>
public class HospitalityTests
{
    private static Task<(HospitalityPlan? Plan, string? Error)> PlanAsync(PartnersWorld w, UserScope scope, string city, DateOnly? evening = null) =>
        w.RunAsync<PlanHospitality, (HospitalityPlan? Plan, string? Error)>(s => s.RunAsync(scope, 2024, city, evening));

    [Theory, ProviderData]
    public async Task The_phoenix_group_is_placed_in_homes_and_the_dinner_reaches_each_itinerary_and_feed(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var phoenix = PartnersWorld.Host("phoenix");
        var (plan, error) = await PlanAsync(w, phoenix, "phoenix");
        Assert.Null(error);
        Assert.Equal(new DateOnly(2024, 5, 12), plan!.Evening);
        Assert.Equal(PlanningStatus.Optimal, plan.Status);
        Assert.Empty(plan.Unplaced);
        Assert.All(plan.Homes, h => Assert.InRange(h.Guests.Count + h.InterpreterLanguages.Count, 0, h.Capacity));

        await using (var db = w.Db())
        {
            var members = await db.Participants.Where(p => p.GroupId == w.GroupIds["phoenix"]).Select(p => p.Id).ToListAsync();
            Assert.Equal(members.Order(), plan.Homes.SelectMany(h => h.Guests).Select(g => g.ParticipantId).Order());
        }

        var saved = await w.RunAsync<SaveHospitality, Result>(s => s.RunAsync(phoenix, 2024, "phoenix", plan.Evening, SaveHospitality.ChoiceOf(plan)));
        Assert.True(saved.Succeeded, saved.Error);

        var home = plan.Homes.First(h => h.Guests.Count > 0);
        var guest = home.Guests[0];
        var itinerary = await w.RunAsync<GetItinerary, Itinerary>(s => s.ForParticipantAsync(PartnersWorld.Admin, 2024, guest.ParticipantId));
        var dinners = itinerary.Entries.Where(e => e.Kind == ItineraryEntryKind.HomeHospitality && !e.Cancelled).ToList();
        var dinner = Assert.Single(dinners);
        Assert.Equal($"Home hospitality dinner with {home.Name}", dinner.Title);
        Assert.Equal(new DateTime(2024, 5, 12, 18, 0, 0), dinner.LocalStart);
        Assert.Contains(guest.Name, dinner.Description, StringComparison.Ordinal);

        var ics = IcsCalendar.Write(itinerary, "test", DateTimeOffset.UtcNow);
        var calendar = await IcalJs.ParseAsync(ics);
        Assert.Contains(calendar.Events, e => e.Summary == dinner.Title && e.Status != "CANCELLED");

        // The group's week shows the evening; another city's partner reaches none of it.
        var evening = await w.RunAsync<GetHospitalityEvening, SavedEvening?>(s => s.RunAsync(phoenix, 2024, "phoenix"));
        Assert.Equal(plan.Homes.Count(h => h.Guests.Count > 0), evening!.Homes.Count);
        Assert.Contains(evening.Homes, h => h.Guests.Contains(guest.Name));
        var tucson = PartnersWorld.Host("tucson");
        await Assert.ThrowsAsync<OutOfScopeException>(() => PlanAsync(w, tucson, "phoenix"));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<GetHospitalityEvening, SavedEvening?>(s => s.RunAsync(tucson, 2024, "phoenix")));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ListHouseholds, (HouseholdList? List, string? Error)>(s => s.RunAsync(tucson, 2024, "phoenix")));
        Assert.Equal(5, (await w.RunAsync<ListHouseholds, (HouseholdList? List, string? Error)>(s => s.RunAsync(phoenix, 2024, "phoenix"))).List!.Households.Count);

        // Saving again with everyone in one fewer home moves the guests: the unused home's dinner is cancelled in the feed.
        var moved = plan.Homes.Where(h => h.Guests.Count > 0).ToList();
        var choice = SaveHospitality.ChoiceOf(plan).Where(c => c.HouseholdId != moved[^1].HouseholdId).ToList();
        var again = await w.RunAsync<SaveHospitality, Result>(s => s.RunAsync(phoenix, 2024, "phoenix", plan.Evening, choice));
        Assert.True(again.Succeeded, again.Error);
        await using (var db = w.Db())
        {
            var items = await db.ProgramItems.Where(i => i.Uid.StartsWith(SaveHospitality.UidPrefix(w.GroupIds["phoenix"]))).ToListAsync();
            Assert.True(items.Single(i => i.Uid.EndsWith($"h{moved[^1].HouseholdId}", StringComparison.Ordinal)).Cancelled);
            Assert.True(await db.ProgramItems.Where(i => i.GroupId == w.GroupIds["phoenix"] && i.Kind == ItineraryEntryKind.HomeHospitality).AllAsync(i => i.Cancelled));
        }
    }

    [Theory, ProviderData]
    public async Task A_placement_that_breaks_a_rule_is_refused_and_an_evening_without_homes_is_explained(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var (plan, _) = await PlanAsync(w, PartnersWorld.Admin, "tucson");
        var everyone = plan!.Homes.SelectMany(h => h.Guests).Select(g => g.ParticipantId).ToList();
        var smallest = plan.Homes.OrderBy(h => h.Capacity).First();
        var crowded = await w.RunAsync<SaveHospitality, Result>(s => s.RunAsync(PartnersWorld.Admin, 2024, "tucson", plan.Evening,
            [new HomeChoice(smallest.HouseholdId, everyone, [])]));
        Assert.StartsWith("The placement breaks a rule:", crowded.Error, StringComparison.Ordinal);
        Assert.Contains("over capacity", crowded.Error, StringComparison.Ordinal);

        // May 20: the group has left and no household is free.
        var (late, _) = await PlanAsync(w, PartnersWorld.Admin, "tucson", new DateOnly(2024, 5, 20));
        Assert.Empty(late!.Homes);
        Assert.All(late.Unplaced, u => Assert.Equal("no household is free that evening", u.Reason));
        Assert.Equal(everyone.Count + late.Unplaced.Count(u => u.InterpreterLanguage is not null), late.Unplaced.Count);
    }

    [Theory, ProviderData]
    public async Task A_household_form_names_what_is_wrong(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider, assignGroups: false);
        var phoenix = PartnersWorld.Host("phoenix");
        HouseholdInput Input(int capacity = 2, string[]? languages = null, string[]? cannot = null) =>
            new("The Test household", "1 Test St", capacity, languages ?? ["English", "es"], cannot ?? ["halal"], true, [new DateOnly(2024, 5, 9)]);

        async Task<string?> ErrorOf(HouseholdInput input) =>
            (await w.RunAsync<SaveHousehold, (Household? Household, Result Result)>(s => s.RunAsync(phoenix, 2024, "phoenix", null, input))).Result.Error;

        Assert.Equal("Capacity: a household takes 2 or 3 guests.", await ErrorOf(Input(capacity: 4)));
        Assert.Equal("Languages: 'Klingonese' is not a language.", await ErrorOf(Input(languages: ["Klingonese"])));
        Assert.StartsWith("Cannot serve: 'pizza' is not a diet code", await ErrorOf(Input(cannot: ["pizza"])), StringComparison.Ordinal);
        var (home, ok) = await w.RunAsync<SaveHousehold, (Household? Household, Result Result)>(s => s.RunAsync(phoenix, 2024, "phoenix", null, Input()));
        Assert.True(ok.Succeeded, ok.Error);
        Assert.Equal(["en", "es"], home!.Languages);
        await Assert.ThrowsAsync<OutOfScopeException>(() =>
            w.RunAsync<SaveHousehold, (Household? Household, Result Result)>(s => s.RunAsync(PartnersWorld.Host("tucson"), 2024, "phoenix", home.Id, Input())));
    }
}
