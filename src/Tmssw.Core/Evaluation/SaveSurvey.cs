using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// A survey as typed in the builder. <see cref="Title"/> and <see cref="Intro"/>: text per language
/// (en required for the title). <see cref="Opens"/>/<see cref="Closes"/>: days (UTC midnight); left
/// empty, they follow the edition's dates (<see cref="SurveySchedule"/>).
/// </summary>
public sealed record SurveyInput(
    int? Id,
    string? Kind,
    bool Anonymous,
    IReadOnlyDictionary<string, string?> Title,
    IReadOnlyDictionary<string, string?>? Intro = null,
    DateOnly? Opens = null,
    DateOnly? Closes = null);

/// <summary>
/// Staff create or change one of the edition's surveys. Errors are keyed by field ("Kind", "Title.en",
/// "Closes"…) and say what to do. The kind and anonymity are fixed once someone has answered. Audited.
/// </summary>
public sealed class SaveSurvey(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RunAsync(UserScope scope, int year, SurveyInput input, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null || !scope.MayBuildSurveys(edition.Id))
        {
            throw new OutOfScopeException($"edition {year}");
        }

        var errors = new Dictionary<string, string>();
        if (!Enum.TryParse<SurveyKind>(input.Kind?.Trim(), ignoreCase: true, out var kind) || !Enum.IsDefined(kind) || int.TryParse(input.Kind, out _))
        {
            errors[nameof(SurveyInput.Kind)] = $"Kind: choose one of {string.Join(", ", Enum.GetNames<SurveyKind>())}.";
        }

        var title = SurveyTexts.Read(nameof(SurveyInput.Title), "Title", input.Title, SurveyRules.TitleMax, required: true, errors);
        var intro = SurveyTexts.Read(nameof(SurveyInput.Intro), "Introduction", input.Intro, SurveyRules.IntroMax, required: false, errors);

        Survey? survey = null;
        if (input.Id is { } id)
        {
            survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == id && s.EditionId == edition.Id, ct)
                ?? throw new OutOfScopeException($"survey #{id}");
            if (await db.SurveyResponses.AnyAsync(r => r.SurveyId == id, ct) && (survey.Kind != kind || survey.Anonymous != input.Anonymous))
            {
                errors[nameof(SurveyInput.Kind)] = "People have answered this survey: its kind and whether it is anonymous can no longer change.";
            }
        }

        var window = SurveySchedule.Window(edition, kind);
        var opens = input.Opens is { } o ? SurveySchedule.Midnight(o) : survey?.OpensAt ?? window?.Opens;
        var closes = input.Closes is { } c ? SurveySchedule.Midnight(c) : survey?.ClosesAt ?? window?.Closes;
        if (opens is null || closes is null)
        {
            errors[nameof(SurveyInput.Opens)] = $"The {year} edition has no start and end dates yet: give the opening and closing days.";
        }
        else if (closes <= opens)
        {
            errors[nameof(SurveyInput.Closes)] = "The closing day must come after the opening day.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var isNew = survey is null;
        survey ??= db.Surveys.Add(new Survey { EditionId = edition.Id }).Entity;
        survey.Kind = kind;
        survey.Anonymous = input.Anonymous;
        survey.Title = title;
        survey.Intro = intro;
        survey.OpensAt = opens!.Value;
        survey.ClosesAt = closes!.Value;
        survey.UpdatedAt = clock.GetUtcNow();
        survey.UpdatedBy = scope.Name;
        await db.SaveChangesAsync(ct);
        audit.Record(scope.Actor, isNew ? "SurveyCreated" : "SurveyChanged", nameof(Survey), survey.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("kind", null, kind.ToString()), new FieldChange("title", null, title.En)]);
        await db.SaveChangesAsync(ct);
        return (survey.Id, errors);
    }
}
