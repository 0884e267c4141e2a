using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core;
using Tmssw.Core.Editions;
using Tmssw.Core.Itineraries;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Itineraries;

/// <summary>
/// /manage/{year}/program?phase=…: the edition's program per phase (Washington plenary, Tampa / St.
/// Petersburg workshop, city split, travel, New York conference) for Admin and the edition's Staff:
/// program items, travel legs and hotel stays created, changed, cancelled and restored here (each
/// change audited, its calendar SEQUENCE raised), with every participant's conflicts flagged.
/// Other roles: 403 by policy; another edition's Staff: 404.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ProgramModel(
    CurrentUser current,
    GetProgramOverview overview,
    SaveProgramItem saveItem,
    SaveTravelLeg saveLeg,
    SaveLodging saveStay) : ItineraryPage(current)
{
    public static readonly PhaseKind[] Phases = [PhaseKind.Plenary, PhaseKind.Workshop, PhaseKind.CitySplit, PhaseKind.Travel, PhaseKind.Conference];

    public ProgramOverview Program { get; private set; } = null!;

    public PhaseKind? Phase { get; private set; }

    public string? Problem { get; private set; }

    [BindProperty]
    public ItemForm ItemInput { get; set; } = new();

    [BindProperty]
    public LegForm LegInput { get; set; } = new();

    [BindProperty]
    public StayForm StayInput { get; set; } = new();

    public static string PhaseName(PhaseKind? phase) => phase switch
    {
        PhaseKind.Plenary => "Washington plenary",
        PhaseKind.Workshop => "Tampa / St. Petersburg workshop",
        PhaseKind.CitySplit => "City split",
        PhaseKind.Travel => "Travel",
        PhaseKind.Conference => "New York conference",
        _ => "Whole program",
    };

    public async Task<IActionResult> OnGetAsync(int year, PhaseKind? phase, string? edit, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, phase, cancellationToken) is { } refused)
        {
            return refused;
        }

        Prefill(edit);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(int year, CancellationToken cancellationToken) =>
        await PrepareAsync(year, null, cancellationToken) ?? await DownloadAsync(Core.Itineraries.FeedOwner.Edition(year), cancellationToken);

    public async Task<IActionResult> OnPostFeedAsync(int year, PhaseKind? phase, string? change, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, phase, cancellationToken) is { } refused)
        {
            return refused;
        }

        await ChangeFeedAsync(change, cancellationToken);
        await LoadFeedAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostItemAsync(int year, PhaseKind? phase, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, phase, cancellationToken) is { } refused)
        {
            return refused;
        }

        var f = ItemInput;
        var objectives = Numbers(f.Objectives);
        var result = !TryLocal(f.Start, out var start) || !TryLocal(f.End, out var end)
            ? Result.Fail("Give the start and end as local date and time (e.g. 2024-05-06T09:00).")
            : objectives is null
                ? Result.Fail("Objectives served: give objective numbers separated by commas (e.g. 1, 3).")
            : !TryNumber(f.Latitude, out var lat) || !TryNumber(f.Longitude, out var lon)
                ? Result.Fail("Latitude and longitude are decimal numbers (e.g. 27.763 and -82.6305).")
                : (await saveItem.SaveAsync(Scope, year, f.Id, new ProgramItemInput(
                    f.Phase, f.Kind, f.Title ?? "", start, end, f.TimeZone ?? "", Audience(f.Audience, f.GroupId, f.Participants),
                    f.CityId, f.VenueName, f.Address, lat, lon, f.HostName, f.Description, objectives), cancellationToken)).Result;
        return await AfterAsync(year, phase, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostLegAsync(int year, PhaseKind? phase, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, phase, cancellationToken) is { } refused)
        {
            return refused;
        }

        var f = LegInput;
        var result = !TryLocal(f.Departure, out var departs) || !TryLocal(f.Arrival, out var arrives)
            ? Result.Fail("Give departure and arrival as local date and time at each airport (e.g. 2024-05-07T15:45).")
            : (await saveLeg.SaveAsync(Scope, year, f.Id, new TravelLegInput(
                f.Phase, f.Carrier ?? "", f.FlightNumber ?? "", f.FromAirport ?? "", f.ToAirport ?? "", departs, arrives,
                Audience(f.Audience, f.GroupId, f.Participants), f.Notes), cancellationToken)).Result;
        return await AfterAsync(year, phase, result, cancellationToken);
    }

    public async Task<IActionResult> OnPostStayAsync(int year, PhaseKind? phase, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, phase, cancellationToken) is { } refused)
        {
            return refused;
        }

        var f = StayInput;
        var result = !DateOnly.TryParse(f.CheckIn, CultureInfo.InvariantCulture, out var checkIn) || !DateOnly.TryParse(f.CheckOut, CultureInfo.InvariantCulture, out var checkOut)
            ? Result.Fail("Give check-in and check-out dates (e.g. 2024-05-07).")
            : !TryNumber(f.Latitude, out var lat) || !TryNumber(f.Longitude, out var lon)
                ? Result.Fail("Latitude and longitude are decimal numbers.")
                : (await saveStay.SaveAsync(Scope, year, f.Id, new LodgingInput(
                    f.Phase, f.HotelName ?? "", f.CityId ?? "", checkIn, checkOut, Audience(f.Audience, f.GroupId, f.Participants),
                    f.Address, lat, lon, f.Phone), cancellationToken)).Result;
        return await AfterAsync(year, phase, result, cancellationToken);
    }

    /// <summary>Cancels or restores an item (<c>what</c> = item, leg or stay).</summary>
    public async Task<IActionResult> OnPostCancelAsync(int year, PhaseKind? phase, string what, int id, bool restore, CancellationToken cancellationToken)
    {
        if (await PrepareAsync(year, phase, cancellationToken) is { } refused)
        {
            return refused;
        }

        var result = what switch
        {
            "item" => await saveItem.CancelAsync(Scope, year, id, !restore, cancellationToken),
            "leg" => await saveLeg.CancelAsync(Scope, year, id, !restore, cancellationToken),
            "stay" => await saveStay.CancelAsync(Scope, year, id, !restore, cancellationToken),
            _ => Result.Fail("Nothing to cancel."),
        };
        return await AfterAsync(year, phase, result, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int year, PhaseKind? phase, Result result, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect($"/manage/{year}/program{(phase is null ? "" : $"?phase={phase}")}");
        }

        Problem = result.Error;
        await PrepareAsync(year, phase, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> PrepareAsync(int year, PhaseKind? phase, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        Phase = phase;
        Program = await overview.RunAsync(Scope, year, phase, cancellationToken);
        FeedOwner = Core.Itineraries.FeedOwner.Edition(year);
        await LoadFeedAsync(cancellationToken);
        return null;
    }

    private void Prefill(string? edit)
    {
        var parts = edit?.Split('-', 2);
        if (parts is not { Length: 2 } || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            ItemInput.Phase = LegInput.Phase = StayInput.Phase = Phase ?? PhaseKind.Plenary;
            LegInput.Phase = PhaseKind.Travel;
            return;
        }

        if (parts[0] == "item" && Program.Items.FirstOrDefault(i => i.Id == id) is { } i)
        {
            ItemInput = new ItemForm
            {
                Id = i.Id, Phase = i.Phase, Kind = i.Kind, Title = i.Title, Start = Local(i.Start), End = Local(i.End), TimeZone = i.TimeZone,
                CityId = i.CityId, VenueName = i.VenueName, Address = i.Address, Latitude = Number(i.Latitude), Longitude = Number(i.Longitude),
                HostName = i.HostName, Description = i.Description, Audience = i.Audience, GroupId = i.GroupId, Participants = string.Join(", ", i.ParticipantIds),
                Objectives = string.Join(", ", i.Objectives),
            };
        }
        else if (parts[0] == "leg" && Program.Legs.FirstOrDefault(l => l.Id == id) is { } l)
        {
            LegInput = new LegForm
            {
                Id = l.Id, Phase = l.Phase, Carrier = l.Carrier, FlightNumber = l.FlightNumber, FromAirport = l.FromAirport, ToAirport = l.ToAirport,
                Departure = Local(l.Departure), Arrival = Local(l.Arrival), Notes = l.Notes, Audience = l.Audience, GroupId = l.GroupId, Participants = string.Join(", ", l.ParticipantIds),
            };
        }
        else if (parts[0] == "stay" && Program.Lodgings.FirstOrDefault(s => s.Id == id) is { } s)
        {
            StayInput = new StayForm
            {
                Id = s.Id, Phase = s.Phase, HotelName = s.HotelName, CityId = s.CityId, CheckIn = s.CheckIn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                CheckOut = s.CheckOut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Address = s.Address, Latitude = Number(s.Latitude), Longitude = Number(s.Longitude),
                Phone = s.Phone, Audience = s.Audience, GroupId = s.GroupId, Participants = string.Join(", ", s.ParticipantIds),
            };
        }
    }

    private static AudienceInput Audience(Core.Itineraries.Audience audience, int? groupId, string? participants) =>
        new(audience, groupId, [.. (participants ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1)]);

    /// <summary>"1, 3" as numbers; null when something in it is not a number (an empty text is none).</summary>
    private static List<int>? Numbers(string? text)
    {
        var numbers = new List<int>();
        foreach (var part in (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.Length > 4 || !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return null;
            }

            numbers.Add(n);
        }

        return numbers;
    }

    private static bool TryLocal(string? text, out DateTime value) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    private static bool TryNumber(string? text, out double? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            value = v;
            return true;
        }

        return false;
    }

    private static string Local(DateTime t) => t.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string? Number(double? v) => v?.ToString(CultureInfo.InvariantCulture);

    public sealed class ItemForm
    {
        public int? Id { get; set; }
        public PhaseKind Phase { get; set; }
        public ItineraryEntryKind Kind { get; set; } = ItineraryEntryKind.Session;
        public string? Title { get; set; }
        public string? Start { get; set; }
        public string? End { get; set; }
        public string? TimeZone { get; set; }
        public string? CityId { get; set; }
        public string? VenueName { get; set; }
        public string? Address { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? HostName { get; set; }
        public string? Description { get; set; }
        public Core.Itineraries.Audience Audience { get; set; }
        public int? GroupId { get; set; }
        public string? Participants { get; set; }

        /// <summary>The numbers of the edition objectives the item serves, e.g. "1, 3".</summary>
        public string? Objectives { get; set; }
    }

    public sealed class LegForm
    {
        public int? Id { get; set; }
        public PhaseKind Phase { get; set; } = PhaseKind.Travel;
        public string? Carrier { get; set; }
        public string? FlightNumber { get; set; }
        public string? FromAirport { get; set; }
        public string? ToAirport { get; set; }
        public string? Departure { get; set; }
        public string? Arrival { get; set; }
        public string? Notes { get; set; }
        public Core.Itineraries.Audience Audience { get; set; }
        public int? GroupId { get; set; }
        public string? Participants { get; set; }
    }

    public sealed class StayForm
    {
        public int? Id { get; set; }
        public PhaseKind Phase { get; set; }
        public string? HotelName { get; set; }
        public string? CityId { get; set; }
        public string? CheckIn { get; set; }
        public string? CheckOut { get; set; }
        public string? Address { get; set; }
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? Phone { get; set; }
        public Core.Itineraries.Audience Audience { get; set; }
        public int? GroupId { get; set; }
        public string? Participants { get; set; }
    }
}
