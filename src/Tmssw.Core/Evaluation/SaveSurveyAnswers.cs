using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// What saving through a link did: <see cref="State"/> is <see cref="SurveyFormState.Open"/> when the
/// link was usable; <see cref="Errors"/> (question id → message in the respondent's language) lists the
/// answers not kept; <see cref="Submitted"/> says the survey is now submitted.
/// </summary>
public sealed record SurveySaveOutcome(SurveyFormState State, IReadOnlyDictionary<int, string> Errors, bool Submitted);

/// <summary>
/// Saves a respondent's answers through their personal link (no account): valid answers are kept as they
/// go, even when others are wrong (partial answers); submitting needs every required question answered and
/// then closes the link ("answered once"). Refused, with the reason, when the link is unknown, the survey
/// is not open or closed, or it was already submitted. For an anonymous survey the response keeps no link
/// to the invitation and only the day of its times.
/// </summary>
public sealed class SaveSurveyAnswers(TmsswDbContext db, RespondentKeys keys, TimeProvider clock)
{
    public async Task<SurveySaveOutcome> RunAsync(string? token, string? language, IReadOnlyDictionary<int, IReadOnlyList<string>> typed, bool submit, CancellationToken ct = default)
    {
        var (invitation, survey) = await GetSurveyForm.FindAsync(db, token, ct);
        if (invitation is null || survey is null)
        {
            return new(SurveyFormState.UnknownLink, new Dictionary<int, string>(), false);
        }

        var now = clock.GetUtcNow();
        if (invitation.Status == InvitationStatus.Submitted)
        {
            return new(SurveyFormState.AlreadyAnswered, new Dictionary<int, string>(), false);
        }

        if (now < survey.OpensAt || now >= survey.ClosesAt)
        {
            return new(now < survey.OpensAt ? SurveyFormState.NotYetOpen : SurveyFormState.Closed, new Dictionary<int, string>(), false);
        }

        var lang = TravellerText.Resolve(language, invitation.Language);
        var questions = await db.SurveyQuestions.AsNoTracking().Include(q => q.Choices).Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Order).ToListAsync(ct);
        var key = await keys.KeyForAsync(survey.EditionId, invitation, ct);
        var stamp = survey.Anonymous ? new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) : now;
        var response = await db.SurveyResponses.Include(r => r.Answers).FirstOrDefaultAsync(r => r.SurveyId == survey.Id && r.RespondentKey == key, ct);
        if (response is null)
        {
            response = new SurveyResponse
            {
                SurveyId = survey.Id,
                InvitationId = survey.Anonymous ? null : invitation.Id,
                RespondentKey = key,
                StartedAt = stamp,
            };
            db.SurveyResponses.Add(response);
        }

        var errors = new Dictionary<int, string>();
        foreach (var question in questions)
        {
            var values = typed.GetValueOrDefault(question.Id)?.Select(v => v?.Trim() ?? "").Where(v => v.Length > 0).ToList() ?? [];
            var existing = response.Answers.FirstOrDefault(a => a.QuestionId == question.Id);
            if (values.Count == 0)
            {
                if (existing is not null && typed.ContainsKey(question.Id))
                {
                    response.Answers.Remove(existing);
                    existing = null;
                }

                if (submit && question.Required && existing is null)
                {
                    errors[question.Id] = SurveyText.Get("AnswerRequired", lang);
                }

                continue;
            }

            var (answer, error) = Read(question, values, lang);
            if (error is not null)
            {
                errors[question.Id] = error;
                continue;
            }

            if (existing is null)
            {
                existing = new SurveyAnswer { QuestionId = question.Id };
                response.Answers.Add(existing);
            }

            (existing.Number, existing.ChoiceIds, existing.Text) = (answer!.Number, answer.ChoiceIds, answer.Text);
        }

        response.Language = lang;
        response.UpdatedAt = stamp;
        var submitted = submit && errors.Count == 0;
        if (submitted)
        {
            response.SubmittedAt = stamp;
            invitation.Status = InvitationStatus.Submitted;
            invitation.SubmittedAt = survey.Anonymous ? null : now;
        }
        else if (invitation.Status == InvitationStatus.Pending && response.Answers.Count > 0)
        {
            invitation.Status = InvitationStatus.Started;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same link saved twice at once: the other request made the response; this one's answers are not kept.
            db.ChangeTracker.Clear();
            return new(SurveyFormState.Open, questions.Where(q => typed.ContainsKey(q.Id)).ToDictionary(q => q.Id, _ => SurveyText.Get("FixErrors", lang)), false);
        }

        return new(SurveyFormState.Open, errors, submitted);
    }

    private static (SurveyAnswer? Answer, string? Error) Read(SurveyQuestion question, List<string> values, string lang)
    {
        switch (question.Type)
        {
            case QuestionType.Likert5:
                return values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var point) && point is >= 1 and <= 5
                    ? (new SurveyAnswer { Number = point }, null)
                    : (null, SurveyText.Get("ChooseOne", lang));
            case QuestionType.Number:
                var text = values[0].Replace(',', '.');
                if (values.Count != 1 || text.Length > 30 || !decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    return (null, SurveyText.Get("NotANumber", lang));
                }

                if ((question.Min is { } min && number < min) || (question.Max is { } max && number > max) || Math.Abs(number) > 1_000_000_000m)
                {
                    return (null, SurveyText.Format("OutOfRange", lang, Show(question.Min ?? -1_000_000_000m, lang), Show(question.Max ?? 1_000_000_000m, lang)));
                }

                return (new SurveyAnswer { Number = number }, null);
            case QuestionType.SingleChoice:
            case QuestionType.MultipleChoice:
                var ids = new List<int>();
                foreach (var v in values)
                {
                    if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || question.Choices.All(c => c.Id != id))
                    {
                        return (null, SurveyText.Get("UnknownChoice", lang));
                    }

                    ids.Add(id);
                }

                ids = [.. ids.Distinct()];
                return question.Type == QuestionType.SingleChoice && ids.Count != 1
                    ? (null, SurveyText.Get("ChooseOne", lang))
                    : (new SurveyAnswer { ChoiceIds = ids }, null);
            default:
                var free = new string([.. string.Join("\n", values).Where(c => !char.IsControl(c) || c is '\n' or '\t')]).Replace("\r", "");
                return free.Length > SurveyRules.AnswerTextMax
                    ? (null, SurveyText.Format("TooLong", lang, SurveyRules.AnswerTextMax))
                    : (new SurveyAnswer { Text = free }, null);
        }
    }

    private static string Show(decimal value, string lang) => value.ToString("0.##", TravellerText.CultureOf(lang));
}
