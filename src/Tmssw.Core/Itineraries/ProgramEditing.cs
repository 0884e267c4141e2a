using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Itineraries;

/// <summary>Who an edited item is for, as a form gives it.</summary>
public sealed record AudienceInput(Audience Audience, int? GroupId, IReadOnlyList<int>? ParticipantIds);

/// <summary>What saving, cancelling and restoring a program item, leg or lodging share: scope, audience, sequence and audit.</summary>
internal static class ProgramEditing
{
    public static async Task<int> EditionIdAsync(TmsswDbContext db, UserScope scope, int year, CancellationToken ct)
    {
        var editionId = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
            ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayEditProgram(editionId))
        {
            throw new OutOfScopeException($"the {year} program");
        }

        return editionId;
    }

    public static async Task<string?> ApplyAudienceAsync(TmsswDbContext db, int editionId, ProgramEntity entity, AudienceInput input, CancellationToken ct)
    {
        switch (input.Audience)
        {
            case Audience.Cohort:
                entity.GroupId = null;
                entity.ParticipantIds = [];
                break;
            case Audience.Group:
                if (input.GroupId is not { } g || !await db.Groups.AnyAsync(x => x.Id == g && x.EditionId == editionId, ct))
                {
                    return "Choose one of the edition's groups.";
                }

                entity.GroupId = g;
                entity.ParticipantIds = [];
                break;
            default:
                var ids = (input.ParticipantIds ?? []).Distinct().Order().ToList();
                if (ids.Count == 0)
                {
                    return "Name at least one participant.";
                }

                var known = await db.Participants.CountAsync(p => p.EditionId == editionId && ids.Contains(p.Id), ct);
                if (known != ids.Count)
                {
                    return "Some of the named participants are not in this edition.";
                }

                entity.GroupId = null;
                entity.ParticipantIds = ids;
                break;
        }

        entity.Audience = input.Audience;
        return null;
    }

    public static Dictionary<string, string?> Common(ProgramEntity e) => new()
    {
        ["phase"] = e.Phase.ToString(),
        ["audience"] = e.Audience.ToString(),
        ["group"] = e.GroupId?.ToString(CultureInfo.InvariantCulture),
        ["participants"] = string.Join(";", e.ParticipantIds),
        ["cancelled"] = e.Cancelled ? "yes" : "no",
    };

    public static string? CheckZone(string zone)
    {
        return TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? null : $"'{zone}' is not a known IANA time zone (e.g. America/Phoenix).";
    }

    /// <summary>Stamps a new entity or raises the sequence of a changed one, and records the change.</summary>
    public static void Finish(AuditLog audit, UserScope scope, ProgramEntity entity, string type, Dictionary<string, string?>? before, Dictionary<string, string?> after, DateTimeOffset now)
    {
        var changes = AuditLog.Diff(before ?? [], after);
        if (before is not null && changes.Count == 0)
        {
            return;
        }

        if (before is null)
        {
            entity.Uid = $"{type.ToLowerInvariant()}-{Guid.NewGuid():N}";
        }
        else
        {
            entity.Sequence++;
        }

        entity.UpdatedAt = now;
        audit.Record(scope.Actor, before is null ? $"{type}Added" : $"{type}Changed", type, entity.Uid, changes);
    }
}
