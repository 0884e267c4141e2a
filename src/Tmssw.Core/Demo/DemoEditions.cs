using Tmssw.Core.Editions;

namespace Tmssw.Core.Demo;

/// <summary>
/// The public facts known for each edition, 2015 (the first) to 2024 (the tenth). Every figure keeps
/// its source; where nothing was published (2021, 2022) nothing is recorded.
/// </summary>
internal static class DemoEditions
{
    private const string StateAnnouncement = "U.S. Department of State, program announcement";
    private const string StateReport = "U.S. Department of State, program report";
    private const string Meridian = "Meridian International Center (implementing partner), program report";
    private const string Iie = "Institute of International Education (implementing partner), program report";

    public static IEnumerable<Edition> PublicFacts()
    {
        yield return Make(2015, 1, figures:
        [
            Figure(FigureMetric.Participants, 70, FigureQualifier.About, StateAnnouncement),
            Figure(FigureMetric.Countries, 40, FigureQualifier.Over, StateAnnouncement),
        ], summary: "The first edition of the initiative.");
        yield return Make(2016, 2, figures:
        [
            Figure(FigureMetric.Participants, 70, FigureQualifier.Over, StateAnnouncement),
            Figure(FigureMetric.Groups, 6, FigureQualifier.Exactly, StateAnnouncement),
        ], summary: "Participants travelled in six regional groups.");
        yield return Make(2017, 3, figures:
        [
            Figure(FigureMetric.Participants, 100, FigureQualifier.Over, StateAnnouncement),
            Figure(FigureMetric.Countries, 62, FigureQualifier.Exactly, StateAnnouncement),
            Figure(FigureMetric.Cities, 20, FigureQualifier.Exactly, StateAnnouncement),
        ]);
        yield return Make(2018, 4, figures:
        [
            Figure(FigureMetric.Participants, 80, FigureQualifier.Over, StateAnnouncement),
        ]);
        yield return Make(2019, 5, partner: "Meridian International Center", figures:
        [
            Figure(FigureMetric.Countries, 56, FigureQualifier.Exactly, StateReport, reported: true),
            Figure(FigureMetric.Cities, 16, FigureQualifier.Exactly, StateReport, reported: true),
            Figure(FigureMetric.Participants, 64, FigureQualifier.Exactly, Meridian, reported: true),
            Figure(FigureMetric.Countries, 51, FigureQualifier.Exactly, Meridian, reported: true),
        ], summary: "The State Department and the implementing partner published different counts; both are kept.");
        yield return Make(2020, 6, figures:
        [
            Figure(FigureMetric.Participants, 85, FigureQualifier.Exactly, StateAnnouncement),
            Figure(FigureMetric.Countries, 67, FigureQualifier.Exactly, StateAnnouncement),
        ], summary: "Announced as the sixth year of the initiative.");
        yield return Make(2021, 7, figures: [], summary: "No figures were published for this edition.");
        yield return Make(2022, 8, figures: [], summary: "No figures were published for this edition.");
        var e2023 = Make(2023, 9, partner: "Institute of International Education", figures:
        [
            Figure(FigureMetric.Participants, 72, FigureQualifier.Exactly, Iie, reported: true),
        ], emphasis: "Synthetic opioids");
        e2023.Phases.Add(new Phase
        {
            Kind = PhaseKind.CitySplit,
            Name = "City split",
            CityIds = ["austin", "cleveland", "huntsville", "phoenix", "tucson", "reno", "sacramento", "san-diego", "salt-lake-city"],
            Description = "Small groups visited nine U.S. cities.",
        });
        yield return e2023;
        yield return Demo2024.Edition();
    }

    internal static Edition Make(
        int year,
        int ordinal,
        PublishedFigure[] figures,
        string? partner = null,
        string? summary = null,
        string? emphasis = null) => new()
        {
            Year = year,
            Ordinal = ordinal,
            Title = $"Towards a More Safe and Secure World {year}",
            ImplementingPartner = partner,
            Summary = summary,
            Emphasis = emphasis,
            IsPublished = true,
            Figures = [.. figures],
        };

    internal static PublishedFigure Figure(
        FigureMetric metric, int value, FigureQualifier qualifier, string source, bool reported = false) => new()
        {
            Metric = metric,
            Value = value,
            Qualifier = qualifier,
            Source = source,
            ReportedAfter = reported,
        };
}
