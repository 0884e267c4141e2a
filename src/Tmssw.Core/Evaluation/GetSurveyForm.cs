using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;

namespace Tmssw.Core.Evaluation;

/// <summary>What a personal link opens to: the form, or the reason it does not.</summary>
public enum SurveyFormState
{
    Open,
    UnknownLink,
    NotYetOpen,
    Closed,
    AlreadyAnswered,
}

/// <summary>
/// The survey behind a personal link, in the respondent's language, with the answers saved so far
/// (question id → answer). <see cref="Survey"/> is null unless the link is known.
/// </summary>
public sealed record SurveyForm(
    SurveyFormState State,
    string Language,
    Survey? Survey,
    string EditionTitle,
    IReadOnlyDictionary<int, SurveyAnswer> Answers)
{
    public static SurveyForm Unknown(string language) => new(SurveyFormState.UnknownLink, language, null, "", new Dictionary<int, SurveyAnswer>());
}

/// <summary>
/// Opens a survey through a personal link, without an account: an unknown or malformed token, a survey
/// not open yet or closed, and a survey already submitted each say so (never an exception). The
/// language is the one asked for, else the invitation's.
/// </summary>
public sealed class GetSurveyForm(TmsswDbContext db, RespondentKeys keys, TimeProvider clock)
{
    public async Task<SurveyForm> RunAsync(string? token, string? language = null, CancellationToken ct = default)
    {
        var (invitation, survey) = await FindAsync(db, token, ct);
        if (invitation is null || survey is null)
        {
            return SurveyForm.Unknown(TravellerText.Resolve(language));
        }

        var lang = TravellerText.Resolve(language, invitation.Language);
        var edition = await db.Editions.AsNoTracking().Where(e => e.Id == survey.EditionId).Select(e => e.Title).FirstAsync(ct);
        var full = await db.Surveys.AsNoTracking().Include(s => s.Questions).ThenInclude(q => q.Choices).AsSplitQuery().FirstAsync(s => s.Id == survey.Id, ct);
        full.Questions = [.. full.Questions.OrderBy(q => q.Order)];
        foreach (var q in full.Questions)
        {
            q.Choices = [.. q.Choices.OrderBy(c => c.Order)];
        }

        var now = clock.GetUtcNow();
        var state = invitation.Status == InvitationStatus.Submitted ? SurveyFormState.AlreadyAnswered
            : now < survey.OpensAt ? SurveyFormState.NotYetOpen
            : now >= survey.ClosesAt ? SurveyFormState.Closed
            : SurveyFormState.Open;
        var answers = new Dictionary<int, SurveyAnswer>();
        if (state == SurveyFormState.Open)
        {
            var key = await keys.KeyForAsync(survey.EditionId, invitation, ct);
            var response = await db.SurveyResponses.AsNoTracking().Include(r => r.Answers).FirstOrDefaultAsync(r => r.SurveyId == survey.Id && r.RespondentKey == key, ct);
            foreach (var a in response?.Answers ?? [])
            {
                answers[a.QuestionId] = a;
            }
        }

        return new SurveyForm(state, lang, full, edition, answers);
    }

    /// <summary>The invitation and survey of a token, or nulls; a token that cannot be one (length, characters) is not looked up.</summary>
    internal static async Task<(SurveyInvitation? Invitation, Survey? Survey)> FindAsync(TmsswDbContext db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length is < 20 or > 100 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return (null, null);
        }

        var hash = SecretTokens.Hash(token);
        var invitation = await db.SurveyInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, ct);
        var survey = invitation is null ? null : await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == invitation.SurveyId, ct);
        return (invitation, survey);
    }
}
