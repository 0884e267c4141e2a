using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Hosts;
using Tmssw.Core.Scheduling;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Hosts;

/// <summary>
/// /manage/{year}/schedule/{cityId}/offers: the city's hosts' meeting offers and availability for the
/// edition (topic, themes, minutes, venue, value, windows), listed and entered here. Admin and the
/// edition's Staff: every city. A Host: its own city's organizations only (another city is a 404).
/// Form errors keep what was typed and show next to the field.
/// </summary>
[Authorize(Policy = Policies.Hosts)]
public sealed class OffersModel(CurrentUser current, SaveMeetingOffer save, ListCityOffers list) : EditionPage(current)
{
    public CityOffers City { get; private set; } = null!;

    [BindProperty]
    public OfferForm Input { get; set; } = new();

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, string cityId, [FromQuery] int? id, [FromQuery] bool saved, CancellationToken cancellationToken)
    {
        if (await LoadCityAsync(year, cityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (id is { } offerId)
        {
            var offer = City.Source.Offers.FirstOrDefault(o => o.Id == offerId);
            if (offer is null)
            {
                return NotFound();
            }

            Input = new OfferForm
            {
                Id = offer.Id,
                HostId = offer.HostOrganizationId,
                Topic = offer.Topic,
                Themes = string.Join(", ", offer.Themes),
                Minutes = offer.DurationMinutes,
                VenueId = offer.VenueId,
                Value = offer.Value,
                Required = offer.Required,
                Windows = SaveMeetingOffer.FormatWindows(offer.Windows),
                Objectives = string.Join(", ", offer.Objectives),
            };
        }
        else
        {
            Input = new OfferForm { Minutes = 60, Value = 5 };
        }

        Notice = saved ? "Offer saved." : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, string cityId, CancellationToken cancellationToken)
    {
        if (await LoadCityAsync(year, cityId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var (offerId, errors) = await save.RunAsync(
            year,
            cityId,
            new OfferInput(Input.Id, Input.HostId, Input.Topic, Input.Themes, Input.Minutes, Input.VenueId, Input.Value, Input.Required, Input.Windows, Input.Objectives),
            Scope,
            cancellationToken);
        foreach (var (field, message) in errors)
        {
            var key = field.Length == 0 ? "" : $"{nameof(Input)}.{field}";
            if (ModelState[key] is not { Errors.Count: > 0 })
            {
                ModelState.AddModelError(key, message);
            }
        }

        if (offerId is null || !ModelState.IsValid)
        {
            return Page();
        }

        return Redirect($"/manage/{year}/schedule/{Uri.EscapeDataString(cityId)}/offers?saved=true");
    }

    private async Task<IActionResult?> LoadCityAsync(int year, string cityId, CancellationToken ct)
    {
        if (await LoadAsync(year, requireRunning: false, ct) is { } refused)
        {
            return refused;
        }

        // Only those who may edit the city's week reach its offers: the use case refuses anyone else (404).
        var city = await list.RunAsync(Scope, year, cityId, ct);
        if (city is null)
        {
            return NotFound();
        }

        City = city;
        return null;
    }

    /// <summary>What the form posts; numbers stay nullable so a blank or mistyped field is reported, not defaulted.</summary>
    public sealed class OfferForm
    {
        /// <summary>The numbers of the edition objectives the meeting serves, e.g. "1, 3" (staff only; a Host's save keeps them).</summary>
        public string? Objectives { get; set; }

        public int? Id { get; set; }
        public int HostId { get; set; }
        public string? Topic { get; set; }
        public string? Themes { get; set; }
        public int? Minutes { get; set; }
        public int? VenueId { get; set; }
        public int? Value { get; set; }
        public bool Required { get; set; }
        public string? Windows { get; set; }
    }
}
