using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Partners;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Partners;

/// <summary>
/// A city's host households and the group's home-hospitality evening: the city's partner (Host) and staff
/// add households, plan the evening (CP-SAT, seconds) and save it into the guests' itineraries.
/// </summary>
[Authorize(Policy = Policies.Hosts)]
public sealed class HospitalityModel(
    CurrentUser current,
    ListHouseholds households,
    SaveHousehold saveHousehold,
    PlanHospitality plan,
    SaveHospitality saveHospitality,
    GetHospitalityEvening evening) : EditionPage(current)
{
    public sealed class HouseholdForm
    {
        public string? Name { get; set; }
        public string? Address { get; set; }
        public int Capacity { get; set; } = 2;
        public string? Languages { get; set; }
        public string? CannotServe { get; set; }
        public bool StepFree { get; set; }
        public string? FreeEvenings { get; set; }
    }

    public sealed class HomeRow
    {
        public int HouseholdId { get; set; }
        public string? Participants { get; set; }
        public string? Interpreters { get; set; }
    }

    public string CityId { get; private set; } = "";

    public HouseholdList? Households { get; private set; }

    public HospitalityPlan? Plan { get; private set; }

    public SavedEvening? Saved { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public HouseholdForm Household { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Evening { get; set; }

    [BindProperty]
    public List<HomeRow> Homes { get; set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, string cityId, CancellationToken ct) =>
        await LoadPageAsync(year, cityId, ct) ?? Page();

    public async Task<IActionResult> OnPostHouseholdAsync(int year, string cityId, CancellationToken ct)
    {
        if (await LoadPageAsync(year, cityId, ct) is { } refused)
        {
            return refused;
        }

        if (!ModelState.IsValid)
        {
            Error = "Guests: give 2 or 3.";
            return Page();
        }

        var evenings = new List<DateOnly>();
        foreach (var part in Split(Household.FreeEvenings))
        {
            if (!DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                Error = $"Free evenings: '{(part.Length > 20 ? part[..20] : part)}' is not a date (YYYY-MM-DD).";
                return Page();
            }

            evenings.Add(d);
        }

        var input = new HouseholdInput(Household.Name, Household.Address, Household.Capacity, Split(Household.Languages), Split(Household.CannotServe), Household.StepFree, evenings);
        var (_, result) = await saveHousehold.RunAsync(Scope, year, CityId, null, input, ct);
        if (!result.Succeeded)
        {
            Error = result.Error;
            return Page();
        }

        Message = $"Household “{Household.Name?.Trim()}” added.";
        return RedirectToPage(new { year, cityId = CityId });
    }

    public async Task<IActionResult> OnPostPlanAsync(int year, string cityId, CancellationToken ct)
    {
        if (await LoadPageAsync(year, cityId, ct) is { } refused)
        {
            return refused;
        }

        if (!TryEvening(out var day))
        {
            return Page();
        }

        (Plan, Error) = await plan.RunAsync(Scope, year, CityId, day, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int year, string cityId, CancellationToken ct)
    {
        if (await LoadPageAsync(year, cityId, ct) is { } refused)
        {
            return refused;
        }

        if (!TryEvening(out var day) || day is null)
        {
            Error ??= "Evening: give the date (YYYY-MM-DD).";
            return Page();
        }

        var choice = new List<HomeChoice>();
        foreach (var h in Homes)
        {
            var ids = new List<int>();
            foreach (var p in Split(h.Participants))
            {
                if (!int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                {
                    Error = $"Home #{h.HouseholdId}: '{(p.Length > 20 ? p[..20] : p)}' is not a participant number.";
                    return Page();
                }

                ids.Add(id);
            }

            choice.Add(new HomeChoice(h.HouseholdId, ids, Split(h.Interpreters)));
        }

        var result = await saveHospitality.RunAsync(Scope, year, CityId, day.Value, choice, ct);
        if (!result.Succeeded)
        {
            Error = result.Error;
            return Page();
        }

        Message = "The evening is saved: each guest's itinerary and calendar feed has the dinner.";
        return RedirectToPage(new { year, cityId = CityId });
    }

    private bool TryEvening(out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(Evening))
        {
            return true;
        }

        if (DateOnly.TryParseExact(Evening.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            day = d;
            return true;
        }

        Error = "Evening: give the date as YYYY-MM-DD.";
        return false;
    }

    private async Task<IActionResult?> LoadPageAsync(int year, string cityId, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: false, ct) is { } refused)
        {
            return refused;
        }

        CityId = cityId == "mine" && Scope.CityId is { } own ? own : cityId.Trim().ToLowerInvariant();
        string? error;
        (Households, error) = await households.RunAsync(Scope, year, CityId, ct);
        if (Households is null)
        {
            Error = error;
            return NotFound();
        }

        Saved = await evening.RunAsync(Scope, year, CityId, ct);
        return null;
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(100)];
}
