using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Auditing;

/// <summary>Admin only: browse and filter the audit log, with each change's before and after.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AuditModel(TmsswDbContext db) : PageModel
{
    public int PageSize { get; } = 50;

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
        PageNumber = page;
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Entity))
        {
            query = query.Where(e => e.EntityType == Entity.Trim());
        }

        if (!string.IsNullOrWhiteSpace(EntityId))
        {
            query = query.Where(e => e.EntityId == EntityId.Trim());
        }

        if (!string.IsNullOrWhiteSpace(UserName))
        {
            query = query.Where(e => e.UserName == UserName.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(e => e.Action == Action.Trim());
        }

        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At >= start);
        }

        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At < end);
        }

        PageNumber = Math.Max(1, PageNumber);
        Total = await query.CountAsync(cancellationToken);
        Entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
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
