using Tmssw.Core.Editions;

namespace Tmssw.Core.Demo;

/// <summary>The tenth edition (2024), as a full working edition to click through.</summary>
internal static class Demo2024
{
    public const int Year = 2024;

    public static readonly string[] SplitCities =
        ["austin", "cleveland", "huntsville", "phoenix", "tucson", "reno", "sacramento", "san-diego", "salt-lake-city"];

    /// <summary>The weekdays of the city split on which hosts can meet the groups.</summary>
    public static readonly DateOnly[] MeetingDays =
    [
        new(2024, 5, 8), new(2024, 5, 9), new(2024, 5, 10), new(2024, 5, 13), new(2024, 5, 14),
    ];

    public static Edition Edition()
    {
        var edition = DemoEditions.Make(
            Year,
            10,
            partner: "Meridian International Center",
            summary: "The tenth anniversary edition of the initiative brought judicial, law-enforcement and security officials "
                + "to Washington, D.C., Tampa / St. Petersburg, nine U.S. cities and New York City to build the relationships "
                + "that combating transnational crime depends on.",
            emphasis: "Synthetic opioids",
            figures:
            [
                DemoEditions.Figure(FigureMetric.Participants, 50, FigureQualifier.Over, "U.S. Department of State, program announcement"),
                DemoEditions.Figure(FigureMetric.Countries, 40, FigureQualifier.Exactly, "U.S. Department of State, program announcement"),
                DemoEditions.Figure(FigureMetric.Participants, 56, FigureQualifier.Exactly, "Meridian International Center (implementing partner), program report", reported: true),
                DemoEditions.Figure(FigureMetric.Countries, 47, FigureQualifier.Exactly, "Meridian International Center (implementing partner), program report", reported: true),
            ]);
        edition.StartDate = new DateOnly(2024, 4, 29);
        edition.EndDate = new DateOnly(2024, 5, 17);
        edition.ContactEmail = "tmssw@meridian.example.org";
        edition.Themes =
        [
            "terrorism", "narcotics", "trafficking-in-persons", "border-security", "money-laundering",
            "corruption", "cybercrime", "maritime-crime",
        ];
        edition.Objectives =
        [
            new() { Number = 1, Text = "Examine how U.S. federal, state and local agencies cooperate to prevent, investigate and prosecute transnational crime and security threats." },
            new() { Number = 2, Text = "Explore multijurisdictional task forces and information sharing as models for cooperation across agencies and borders, with an emphasis on synthetic opioids." },
            new() { Number = 3, Text = "Highlight the roles of prosecutors, courts, public officials, the private sector and victim service providers in a whole-of-society response." },
            new() { Number = 4, Text = "Build lasting professional networks among participants and with U.S. counterparts to strengthen international law-enforcement cooperation." },
        ];
        edition.Phases =
        [
            new()
            {
                Kind = PhaseKind.Plenary, Name = "Washington, D.C. plenary",
                StartDate = new(2024, 4, 29), EndDate = new(2024, 5, 3), CityIds = ["washington-dc"],
                Description = "Plenary sessions at the U.S. Department of State and the National Defense University.",
            },
            new()
            {
                Kind = PhaseKind.Travel, Name = "Travel to Tampa",
                StartDate = new(2024, 5, 4), EndDate = new(2024, 5, 4), CityIds = ["tampa"],
            },
            new()
            {
                Kind = PhaseKind.Workshop, Name = "Tampa / St. Petersburg workshop",
                StartDate = new(2024, 5, 5), EndDate = new(2024, 5, 7), CityIds = ["tampa", "st-petersburg"],
                Description = "A workshop on multijurisdictional task forces, with a visit to the St. Pete maritime and defense technology hub.",
            },
            new()
            {
                Kind = PhaseKind.CitySplit, Name = "City split",
                StartDate = new(2024, 5, 8), EndDate = new(2024, 5, 14), CityIds = [.. SplitCities],
                Description = "Small groups meet federal, state and local counterparts, prosecutors, public officials, the private sector and victim service providers in nine cities.",
            },
            new()
            {
                Kind = PhaseKind.Travel, Name = "Travel to New York City",
                StartDate = new(2024, 5, 15), EndDate = new(2024, 5, 15), CityIds = ["new-york"],
            },
            new()
            {
                Kind = PhaseKind.Conference, Name = "Combating Transnational Crime Global Cooperation Conference",
                StartDate = new(2024, 5, 16), EndDate = new(2024, 5, 17), CityIds = ["new-york"],
                Description = "The closing conference, co-hosted with the FBI New York Field Office.",
            },
        ];
        return edition;
    }
}
