using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>The outcome of saving an indicator: its id, or the errors by field.</summary>
public sealed record IndicatorSaveOutcome(int? Id, IReadOnlyList<(string Field, string Message)> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Adds or changes one of an edition's performance indicators (a new one goes last), or removes it
/// (<see cref="DeleteAsync"/>); audited. The edition's runners only (<see cref="UserScope.MayEditIndicators"/>).
/// </summary>
public sealed class SaveIndicator(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<IndicatorSaveOutcome> RunAsync(UserScope scope, int year, IndicatorForm form, CancellationToken ct = default)
    {
        var edition = await EditionAsync(scope, year, ct);
        var targets = await ListIndicators.TargetsAsync(db, edition.Id, edition.Objectives.Select(o => (o.Number, o.Text)).ToList(), ct);
        var (checkedIndicator, errors) = IndicatorRules.Check(form, targets);
        if (checkedIndicator is null)
        {
            return new IndicatorSaveOutcome(null, errors);
        }

        PerformanceIndicator indicator;
        if (form.Id is { } id)
        {
            indicator = await db.PerformanceIndicators.FirstOrDefaultAsync(i => i.Id == id && i.EditionId == edition.Id, ct)
                ?? throw new OutOfScopeException($"indicator #{id}");
        }
        else
        {
            var last = await db.PerformanceIndicators.Where(i => i.EditionId == edition.Id).MaxAsync(i => (int?)i.Number, ct) ?? 0;
            indicator = new PerformanceIndicator { EditionId = edition.Id, Number = last + 1 };
            db.PerformanceIndicators.Add(indicator);
        }

        var before = Snapshot(indicator);
        indicator.Text = checkedIndicator.Text;
        indicator.Measure = checkedIndicator.Measure;
        indicator.TargetPercent = checkedIndicator.TargetPercent;
        indicator.QuestionId = checkedIndicator.QuestionId;
        indicator.PairKey = checkedIndicator.PairKey;
        indicator.SurveyKind = checkedIndicator.SurveyKind;
        indicator.ObjectiveNumber = checkedIndicator.ObjectiveNumber;
        indicator.UpdatedAt = clock.GetUtcNow();
        indicator.UpdatedBy = scope.Name;
        await db.SaveChangesAsync(ct);
        audit.Record(scope.Actor, form.Id is null ? "IndicatorAdded" : "IndicatorChanged", nameof(PerformanceIndicator),
            indicator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditLog.Diff(before, Snapshot(indicator)));
        await db.SaveChangesAsync(ct);
        return new IndicatorSaveOutcome(indicator.Id, []);
    }

    public async Task DeleteAsync(UserScope scope, int year, int id, CancellationToken ct = default)
    {
        var edition = await EditionAsync(scope, year, ct);
        var indicator = await db.PerformanceIndicators.FirstOrDefaultAsync(i => i.Id == id && i.EditionId == edition.Id, ct)
            ?? throw new OutOfScopeException($"indicator #{id}");
        db.PerformanceIndicators.Remove(indicator);
        audit.Record(scope.Actor, "IndicatorRemoved", nameof(PerformanceIndicator), id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditLog.Diff(Snapshot(indicator), new Dictionary<string, string?>()));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Editions.Edition> EditionAsync(UserScope scope, int year, CancellationToken ct)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Objectives).FirstOrDefaultAsync(e => e.Year == year, ct)
            ?? throw new OutOfScopeException($"edition {year}");
        return scope.MayEditIndicators(edition.Id) ? edition : throw new OutOfScopeException($"the indicators of edition {year}");
    }

    private static Dictionary<string, string?> Snapshot(PerformanceIndicator i) => new()
    {
        ["Text"] = i.Text,
        ["Measure"] = i.Measure.ToString(),
        ["Target"] = i.TargetPercent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["QuestionId"] = i.QuestionId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["PairKey"] = i.PairKey,
        ["SurveyKind"] = i.SurveyKind?.ToString(),
        ["ObjectiveNumber"] = i.ObjectiveNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
