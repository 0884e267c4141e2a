using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Partners;

/// <summary>One step as the staff form gives it; <see cref="Id"/> 0 for a new one.</summary>
public sealed record CountdownStepInput(int Id, string? Title, TaskAnchor Anchor, int OffsetDays, TaskOwner Owner);

/// <summary>
/// Staff save an edition's countdown steps (the whole list: steps left out are removed, their tasks stay
/// as they are), then every group's open tasks follow: new steps are added, edited ones re-dated.
/// </summary>
public sealed class SaveCountdownTemplates(TmsswDbContext db, AuditLog audit)
{
    public async Task<Result> RunAsync(UserScope scope, int year, IReadOnlyList<CountdownStepInput> steps, CancellationToken ct = default)
    {
        var editionId = await PartnerEditions.IdAsync(db, year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayEditCountdown(editionId))
        {
            throw new OutOfScopeException($"the {year} countdown");
        }

        if (steps.Count is 0 or > 50)
        {
            return Result.Fail("Give between 1 and 50 steps.");
        }

        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            var title = s.Title?.Trim() ?? "";
            if (title.Length is 0 or > 200)
            {
                return Result.Fail($"Step {i + 1}: give a title (up to 200 characters).");
            }

            if (Math.Abs(s.OffsetDays) > Countdown.MaxOffsetDays)
            {
                return Result.Fail($"Step {i + 1} ({title}): the offset must be between -{Countdown.MaxOffsetDays} and {Countdown.MaxOffsetDays} days.");
            }

            if (!Enum.IsDefined(s.Anchor) || !Enum.IsDefined(s.Owner))
            {
                return Result.Fail($"Step {i + 1} ({title}): choose arrival or departure, and partner or staff.");
            }
        }

        var own = await db.CountdownTemplates.Where(t => t.EditionId == editionId).ToListAsync(ct);
        foreach (var s in steps.Where(s => s.Id != 0))
        {
            if (own.All(t => t.Id != s.Id))
            {
                return Result.Fail($"Step #{s.Id} is not one of this edition's steps; reload the page.");
            }
        }

        var before = string.Join("; ", own.OrderBy(t => t.SortOrder).Select(Describe));
        db.CountdownTemplates.RemoveRange(own.Where(t => steps.All(s => s.Id != t.Id)));
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            var template = s.Id == 0 ? new CountdownTemplate { EditionId = editionId } : own.Single(t => t.Id == s.Id);
            template.SortOrder = i + 1;
            template.Title = s.Title!.Trim();
            template.Anchor = s.Anchor;
            template.OffsetDays = s.OffsetDays;
            template.Owner = s.Owner;
            if (s.Id == 0)
            {
                db.CountdownTemplates.Add(template);
            }
        }

        await db.SaveChangesAsync(ct);
        var templates = await Countdown.TemplatesAsync(db, editionId, ct);
        foreach (var group in await db.Groups.AsNoTracking().Where(g => g.EditionId == editionId).ToListAsync(ct))
        {
            await Countdown.InstantiateAsync(db, group, templates, ct);
        }

        audit.Record(scope.Actor, "update", "CountdownTemplates", year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("steps", before, string.Join("; ", templates.Select(Describe)))]);
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private static string Describe(CountdownTemplate t) =>
        System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToLower($"{t.Title} ({t.Anchor} {t.OffsetDays:+0;-0;0}, {t.Owner})");
}
