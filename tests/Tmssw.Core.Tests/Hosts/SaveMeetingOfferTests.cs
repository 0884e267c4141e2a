using Tmssw.Core.Hosts;

namespace Tmssw.Core.Tests.Hosts;

/// <summary>A host's meeting offer: its time windows (moved here from the scheduling use case tests).</summary>
public sealed class SaveMeetingOfferTests
{
    [Fact]
    public void Offer_windows_parse_dates_and_weekly_patterns_and_refuse_other_days()
    {
        DateOnly[] days = [new(2024, 5, 8), new(2024, 5, 9), new(2024, 5, 13)];
        var w = SaveMeetingOffer.ParseWindows("2024-05-08 09:00-12:00\nMon-Thu 13:00-15:00", days, out var error);
        Assert.Null(error);
        Assert.Equal(4, w.Count);
        SaveMeetingOffer.ParseWindows("2024-05-11 09:00-12:00", days, out error);
        Assert.Contains("not a program day", error);
        SaveMeetingOffer.ParseWindows("tomorrow morning", days, out error);
        Assert.Contains("neither", error);
        SaveMeetingOffer.ParseWindows("", days, out error);
        Assert.Contains("at least one", error);
    }
}
