using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;

namespace Tmssw.Web.Tests.Itineraries;

/// <summary>What the tests need from the demo's itineraries, read through the app's own use case as an Admin.</summary>
internal static class TravellerData
{
    public static async Task<Itinerary> ItineraryOfAsync(IServiceProvider services, int participantId)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<GetItinerary>().ForParticipantAsync(UserScope.Admin(), 2024, participantId);
    }

    /// <summary>A day of the participant's program with a timed item that has an address, and that item.</summary>
    public static ItineraryEntry DayWithAddress(Itinerary itinerary) =>
        itinerary.Entries.FirstOrDefault(e => !e.Cancelled && e.Kind != ItineraryEntryKind.Lodging && !string.IsNullOrWhiteSpace(e.Address))
        ?? throw new InvalidOperationException("the demo participant has no item with an address");

    /// <summary>The first timed item of that day (what Today shows as Next when the day is asked for).</summary>
    public static ItineraryEntry FirstOfDay(Itinerary itinerary, DateTime day) =>
        itinerary.Entries.Where(e => !e.Cancelled && e.Kind != ItineraryEntryKind.Lodging && e.LocalStart.Date == day.Date).OrderBy(e => e.StartInstant).First();

    public static async Task SetInterpretationLanguageAsync(IServiceProvider services, int participantId, string? language)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var p = await db.Participants.SingleAsync(x => x.Id == participantId);
        p.InterpretationLanguage = language;
        await db.SaveChangesAsync();
    }

    public static async Task<string> NameOfAsync(IServiceProvider services, int participantId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        return await db.Participants.Where(p => p.Id == participantId).Select(p => p.GivenName + " " + p.FamilyName).SingleAsync();
    }
}
