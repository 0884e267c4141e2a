using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Auditing;

/// <summary>What the audit log is filtered by; blank fields do not filter. Dates are UTC days, both included.</summary>
public sealed record AuditFilter(
    string? EntityType = null,
    string? EntityId = null,
    string? UserName = null,
    string? Action = null,
    DateOnly? From = null,
    DateOnly? To = null);

/// <summary>One page of audit entries, newest first, and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Total, int Page);

/// <summary>An Admin browses and filters the audit log (<see cref="UserScope.IsAdmin"/>; anyone else is out of scope).</summary>
public sealed class BrowseAuditLog(TmsswDbContext db)
{
    public const int PageSize = 50;

    public async Task<AuditPage> RunAsync(UserScope scope, AuditFilter filter, int page, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAdmin)
        {
            throw new OutOfScopeException("the audit log");
        }

        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var entityType = filter.EntityType.Trim();
            query = query.Where(e => e.EntityType == entityType);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var entityId = filter.EntityId.Trim();
            query = query.Where(e => e.EntityId == entityId);
        }

        if (!string.IsNullOrWhiteSpace(filter.UserName))
        {
            var userName = filter.UserName.Trim();
            query = query.Where(e => e.UserName == userName);
        }

        if (!string.IsNullOrWhiteSpace(filter.Action))
        {
            var action = filter.Action.Trim();
            query = query.Where(e => e.Action == action);
        }

        if (filter.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At >= start);
        }

        if (filter.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(e => e.At < end);
        }

        page = Math.Max(1, page);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Paging.Skip(page, PageSize)).Take(PageSize).ToListAsync(cancellationToken);
        return new AuditPage(entries, total, page);
    }
}
