using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;
using Tmssw.Core.Splits;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Participants;

/// <summary>
/// Admin, Staff (their editions), Nominator (their country), Host (their city's group), Interpreter
/// (their group): the participants in scope, searched, filtered, sorted and paged in the database.
/// </summary>
[Authorize(Policy = Policies.Rosters)]
public sealed class IndexModel(CurrentUser current, BrowseParticipants browse, ChangeStatuses changeStatuses) : EditionPage(current)
{
    public string? BulkMessage { get; private set; }
    public IReadOnlyList<ParticipantStatusError> BulkErrors { get; private set; } = [];
    public bool RunsEdition => Scope.RunsEdition(Edition.Id);

    /// <summary>The list's query, kept when a bulk change posts back to it.</summary>
    public Dictionary<string, string> RouteValues => Request.Query.ToDictionary(kv => kv.Key, kv => kv.Value.ToString());

    /// <summary>Admin and the edition's Staff: move the selected participants at once, all or none.</summary>
    public async Task<IActionResult> OnPostBulkAsync(int year, int[] ids, NominationStatus to, string? reason, CancellationToken cancellationToken)
    {
        var page = await OnGetAsync(year, Request.Query["q"], ParseStatus(Request.Query["status"]), Request.Query["country"], Request.Query["region"], Request.Query["theme"],
            int.TryParse(Request.Query["group"], out var g) ? g : null, Request.Query["sort"], int.TryParse(Request.Query["page"], out var n) ? n : 1, cancellationToken);
        if (page is not PageResult || !RunsEdition)
        {
            return page is PageResult ? NotFound() : page;
        }

        var result = await changeStatuses.RunAsync(Scope, new StatusChangeRequest(ids, to, reason), cancellationToken);
        if (result.Succeeded)
        {
            BulkMessage = $"{result.Changed} participant{(result.Changed == 1 ? "" : "s")} now {to}.";
            return await OnGetAsync(year, Filter.Search, Filter.Status, Filter.Country, Filter.Region, Filter.Theme, Filter.GroupId, Filter.Sort, Filter.Page, cancellationToken);
        }

        BulkErrors = result.Errors;
        return Page();
    }

    private static NominationStatus? ParseStatus(string? value) => Enum.TryParse<NominationStatus>(value, out var s) ? s : null;

    public ParticipantFilter Filter { get; private set; } = new();
    public ParticipantPage Result { get; private set; } = null!;
    public IReadOnlyList<Country> Countries { get; private set; } = [];
    public IReadOnlyList<string> Regions { get; private set; } = [];
    public IReadOnlyList<Group> Groups { get; private set; } = [];
    public bool MayNominate { get; private set; }

    public async Task<IActionResult> OnGetAsync(
        int year,
        string? q,
        NominationStatus? status,
        string? country,
        string? region,
        string? theme,
        int? group,
        string? sort,
        [FromQuery(Name = "page")] int page = 1, // "page" is also Razor Pages' own route value: read the query's
        CancellationToken cancellationToken = default)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        Filter = new ParticipantFilter(q, status, Blank(country), Blank(region), Blank(theme), group, sort ?? "name", page);
        var shown = await browse.RunAsync(Scope, Edition.Id, Filter, cancellationToken);
        (Result, Countries, Regions, Groups) = shown;
        MayNominate = Scope.MayNominateIn(Edition.Id);
        return Page();
    }

    public string PageUrl(int page)
    {
        var query = Request.Query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Request.Path, query);
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
