using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// A question as typed in the builder. <see cref="Text"/>: per language (en required).
/// <see cref="Choices"/>: per language, one choice per line, the lines of every language in the English
/// order (a language left empty shows the English choices). <see cref="Order"/>: the position (empty: last).
/// </summary>
public sealed record QuestionInput(
    int? Id,
    string? Type,
    IReadOnlyDictionary<string, string?> Text,
    IReadOnlyDictionary<string, string?>? Choices = null,
    bool Required = false,
    int? Order = null,
    int? ObjectiveNumber = null,
    string? Theme = null,
    string? Measure = null,
    string? PairKey = null,
    decimal? Min = null,
    decimal? Max = null);

/// <summary>
/// Staff add or change a question of a survey. Hostile or careless input (an unknown type, a missing
/// English text, a text too long, a pair key on a free-text question, an objective the edition does not
/// state) gives errors keyed by field. Once people have answered, only the texts may change. Audited.
/// </summary>
public sealed partial class SaveSurveyQuestion(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(int? Id, IReadOnlyDictionary<string, string> Errors)> RunAsync(UserScope scope, int year, int surveyId, QuestionInput input, CancellationToken ct = default)
    {
        var survey = await SurveyAccess.FindAsync(db, scope, year, surveyId, ct);
        var errors = new Dictionary<string, string>();
        var typeText = input.Type?.Trim();
        if (!Enum.TryParse<QuestionType>(typeText, ignoreCase: true, out var type) || !Enum.IsDefined(type) || int.TryParse(typeText, out _))
        {
            errors[nameof(QuestionInput.Type)] = $"Type: '{SurveyTexts.Clip(typeText ?? "")}' is not a question type; choose one of {string.Join(", ", Enum.GetNames<QuestionType>())}.";
        }

        var text = SurveyTexts.Read(nameof(QuestionInput.Text), "Question", input.Text, SurveyRules.QuestionMax, required: true, errors);
        var choices = ReadChoices(input.Choices, type, errors);

        var measure = QuestionMeasure.None;
        if (!string.IsNullOrWhiteSpace(input.Measure)
            && (!Enum.TryParse(input.Measure.Trim(), ignoreCase: true, out measure) || !Enum.IsDefined(measure) || int.TryParse(input.Measure, out _)))
        {
            errors[nameof(QuestionInput.Measure)] = $"Measure: choose one of {string.Join(", ", Enum.GetNames<QuestionMeasure>())}.";
        }

        string? theme = null;
        if (!string.IsNullOrWhiteSpace(input.Theme))
        {
            theme = Themes.Resolve(input.Theme)?.Code;
            if (theme is null)
            {
                errors[nameof(QuestionInput.Theme)] = $"Theme: '{SurveyTexts.Clip(input.Theme.Trim())}' is not a theme; choose one of {string.Join(", ", Themes.All.Select(t => t.Code))}.";
            }
        }

        if (input.ObjectiveNumber is { } number && !await db.Objectives.AnyAsync(o => o.EditionId == survey.EditionId && o.Number == number, ct))
        {
            errors[nameof(QuestionInput.ObjectiveNumber)] = $"Objective {number} is not one of the {year} edition's objectives.";
        }

        var pairKey = string.IsNullOrWhiteSpace(input.PairKey) ? null : input.PairKey.Trim().ToLowerInvariant();
        if (pairKey is not null)
        {
            if (pairKey.Length > SurveyRules.PairKeyMax || !PairKeyPattern().IsMatch(pairKey))
            {
                errors[nameof(QuestionInput.PairKey)] = $"Pair key: letters, digits and hyphens, at most {SurveyRules.PairKeyMax} (e.g. knowledge-task-forces).";
            }
            else if (survey.Kind is not (SurveyKind.PreProgram or SurveyKind.EndOfProgram))
            {
                errors[nameof(QuestionInput.PairKey)] = "Only the pre-program and end-of-program surveys ask a question before and after.";
            }
            else if (type is not (QuestionType.Likert5 or QuestionType.Number))
            {
                errors[nameof(QuestionInput.PairKey)] = "A question asked before and after must be a Likert5 or a Number question.";
            }
            else if (await db.SurveyQuestions.AnyAsync(q => q.SurveyId == surveyId && q.PairKey == pairKey && q.Id != (input.Id ?? 0), ct))
            {
                errors[nameof(QuestionInput.PairKey)] = $"Another question of this survey already has the pair key '{pairKey}'.";
            }
        }

        if ((input.Min is not null || input.Max is not null) && type != QuestionType.Number)
        {
            errors[nameof(QuestionInput.Min)] = "Bounds apply to Number questions only.";
        }
        else if (input.Min is { } min && input.Max is { } max && min > max)
        {
            errors[nameof(QuestionInput.Max)] = "The largest answer must not be below the smallest.";
        }

        SurveyQuestion? question = null;
        if (input.Id is { } id)
        {
            question = await db.SurveyQuestions.Include(q => q.Choices).FirstOrDefaultAsync(q => q.Id == id && q.SurveyId == surveyId, ct)
                ?? throw new OutOfScopeException($"question #{id}");
        }

        var answered = await db.SurveyResponses.AnyAsync(r => r.SurveyId == surveyId, ct);
        if (answered && (question is null || question.Type != type || question.Choices.Count != choices.Count || question.PairKey != pairKey))
        {
            errors[""] = "People have answered this survey: only the texts of its questions can change now.";
        }

        var count = await db.SurveyQuestions.CountAsync(q => q.SurveyId == surveyId, ct);
        if (question is null && count >= SurveyRules.QuestionsMax)
        {
            errors[""] = $"A survey has at most {SurveyRules.QuestionsMax} questions.";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var isNew = question is null;
        if (question is null)
        {
            question = new SurveyQuestion { SurveyId = surveyId, Order = count + 1 };
            db.SurveyQuestions.Add(question);
        }

        question.Type = type;
        question.Text = text;
        question.Required = input.Required;
        question.ObjectiveNumber = input.ObjectiveNumber;
        question.Theme = theme;
        question.Measure = measure;
        question.PairKey = pairKey;
        question.Min = input.Min;
        question.Max = input.Max;
        if (question.Choices.Count == choices.Count)
        {
            for (var i = 0; i < choices.Count; i++)
            {
                question.Choices.OrderBy(c => c.Order).ElementAt(i).Text = choices[i];
            }
        }
        else
        {
            db.SurveyChoices.RemoveRange(question.Choices);
            question.Choices = [.. choices.Select((c, i) => new SurveyChoice { Order = i + 1, Text = c })];
        }

        await db.SaveChangesAsync(ct);
        if (input.Order is { } wanted)
        {
            await Reorder(surveyId, question.Id, wanted, ct);
        }

        var s = await db.Surveys.FirstAsync(x => x.Id == surveyId, ct);
        (s.UpdatedAt, s.UpdatedBy) = (clock.GetUtcNow(), scope.Name);
        audit.Record(scope.Actor, isNew ? "QuestionAdded" : "QuestionChanged", nameof(SurveyQuestion), question.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [new FieldChange("type", null, type.ToString()), new FieldChange("text", null, text.En)]);
        await db.SaveChangesAsync(ct);
        return (question.Id, errors);
    }

    private async Task Reorder(int surveyId, int questionId, int wanted, CancellationToken ct)
    {
        var all = await db.SurveyQuestions.Where(q => q.SurveyId == surveyId).OrderBy(q => q.Order).ThenBy(q => q.Id).ToListAsync(ct);
        var moved = all.First(q => q.Id == questionId);
        all.Remove(moved);
        all.Insert(Math.Clamp(wanted - 1, 0, all.Count), moved);
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Order = i + 1;
        }
    }

    private static List<LocalizedText> ReadChoices(IReadOnlyDictionary<string, string?>? typed, QuestionType type, Dictionary<string, string> errors)
    {
        var lines = new Dictionary<string, string[]>();
        foreach (var (language, value) in typed ?? new Dictionary<string, string?>())
        {
            if (!Itineraries.TravellerText.IsSupported(language))
            {
                errors[$"Choices.{language}"] = $"Choices: '{SurveyTexts.Clip(language)}' is not a language of the program.";
                continue;
            }

            lines[language] = (value ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        }

        var english = lines.GetValueOrDefault("en") ?? [];
        var (least, most) = type switch
        {
            QuestionType.SingleChoice or QuestionType.MultipleChoice => (2, SurveyRules.ChoicesMax),
            QuestionType.Likert5 => (0, 5),
            _ => (0, 0),
        };
        if (english.Length < least || english.Length > most || (type == QuestionType.Likert5 && english.Length is not (0 or 5)))
        {
            errors["Choices.en"] = type switch
            {
                QuestionType.Likert5 => "A Likert5 question takes either no labels or exactly five, one per line (English).",
                QuestionType.SingleChoice or QuestionType.MultipleChoice => $"Give from 2 to {SurveyRules.ChoicesMax} choices, one per line (English).",
                _ => $"A {type} question takes no choices.",
            };
            return [];
        }

        foreach (var (language, list) in lines)
        {
            if (language != "en" && list.Length > 0 && list.Length != english.Length)
            {
                errors[$"Choices.{language}"] = $"Choices ({language}): {list.Length} lines for {english.Length} English choices; give one line per choice, in the same order.";
            }

            if (list.FirstOrDefault(l => l.Length > SurveyRules.ChoiceMax) is { } tooLong)
            {
                errors[$"Choices.{language}"] = $"Choices ({language}): a choice is {tooLong.Length} characters; at most {SurveyRules.ChoiceMax}.";
            }
        }

        return [.. english.Select((e, i) =>
        {
            var text = new LocalizedText { En = e };
            foreach (var (language, list) in lines)
            {
                if (language != "en" && list.Length == english.Length)
                {
                    text.Set(language, list[i]);
                }
            }

            return text;
        })];
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex PairKeyPattern();
}
