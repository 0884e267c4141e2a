using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Tmssw.Core.Auditing;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Auditing;

/// <summary>Admin only: browse and filter the audit log, with each change's before and after.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(CurrentUser current, BrowseAuditLog browse) : PageModel
{
    public int PageSize => BrowseAuditLog.PageSize;

    [BindProperty(SupportsGet = true, Name = "entity")]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    // "page" is also Razor Pages' own route value: read the query's.
    public async Task OnGetAsync([FromQuery(Name = "page")] int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var shown = await browse.RunAsync(scope, new AuditFilter(Entity, EntityId, UserName, Action, From, To), page, cancellationToken);
        (Entries, Total, PageNumber) = shown;
    }

    public IEnumerable<FieldChange> Changes(AuditEntry entry)
    {
        if (entry.ChangesJson is null)
        {
            yield break;
        }

        using var doc = JsonDocument.Parse(entry.ChangesJson);
        foreach (var field in doc.RootElement.EnumerateObject())
        {
            yield return new FieldChange(field.Name, Text(field.Value, "before"), Text(field.Value, "after"));
        }
    }

    public string PageUrl(int page)
    {
        var query = Request.Query.ToDictionary(kv => kv.Key, kv => (string?)kv.Value.ToString());
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Request.Path, query);
    }

    private static string? Text(JsonElement value, string name) =>
        value.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null ? v.ToString() : null;
}
