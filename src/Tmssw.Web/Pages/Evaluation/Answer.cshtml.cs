using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Evaluation;

namespace Tmssw.Web.Pages.Evaluation;

/// <summary>
/// /survey/{token}: a respondent's survey, opened by the personal link alone (no account), in their
/// language (?lang= switches; Arabic right to left), one column for a phone. "Save" keeps the valid
/// answers (partial); "Submit" needs the required ones and then the link answers "already answered".
/// An unknown link, a survey not open yet, closed or already submitted each get a clear page (404 for an
/// unknown link, 410 when closed), never an error. Never cached, never indexed, no referrer sent on.
/// </summary>
[AllowAnonymous]
public sealed class AnswerModel(GetSurveyForm get, SaveSurveyAnswers save) : PageModel
{
    public SurveyForm Form { get; private set; } = SurveyForm.Unknown("en");

    /// <summary>What was typed, by question id, when a save kept some answers back (shown again).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> Typed { get; private set; } = new Dictionary<int, IReadOnlyList<string>>();

    public IReadOnlyDictionary<int, string> Errors { get; private set; } = new Dictionary<int, string>();

    public bool JustSaved { get; private set; }

    public bool JustSubmitted { get; private set; }

    public string Token { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string token, string? lang, bool saved, bool submitted, CancellationToken cancellationToken)
    {
        Private();
        Token = token;
        Form = await get.RunAsync(token, lang, cancellationToken);
        (JustSaved, JustSubmitted) = (saved, submitted);
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? lang, string? submit, CancellationToken cancellationToken)
    {
        Private();
        Token = token;
        var typed = new Dictionary<int, IReadOnlyList<string>>();
        if (Request.HasFormContentType)
        {
            foreach (var (key, values) in Request.Form)
            {
                if (key.Length is > 1 and < 12 && key[0] == 'q' && int.TryParse(key.AsSpan(1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
                {
                    typed[id] = [.. values.Take(Tmssw.Core.Evaluation.SurveyRules.ChoicesMax + 1).Select(v => v ?? "")];
                }
            }

            // The questions on the page, so a choice unticked (nothing posted for it) is cleared too.
            foreach (var shown in Request.Form["shown"].Take(Tmssw.Core.Evaluation.SurveyRules.QuestionsMax))
            {
                if (int.TryParse(shown, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && !typed.ContainsKey(id))
                {
                    typed[id] = [];
                }
            }
        }

        var outcome = await save.RunAsync(token, lang, typed, submit is not null, cancellationToken);
        if (outcome.State == SurveyFormState.Open && outcome.Errors.Count == 0)
        {
            var query = lang is null ? "" : "lang=" + Uri.EscapeDataString(lang) + "&";
            return Redirect(SurveyLink.Path(token) + "?" + query + (outcome.Submitted ? "submitted=true" : "saved=true"));
        }

        Form = await get.RunAsync(token, lang, cancellationToken);
        (Typed, Errors) = (typed, outcome.Errors);
        return Answer();
    }

    private PageResult Answer()
    {
        Response.StatusCode = Form.State switch
        {
            SurveyFormState.UnknownLink => StatusCodes.Status404NotFound,
            SurveyFormState.Closed => StatusCodes.Status410Gone,
            _ => Response.StatusCode,
        };
        return Page();
    }

    /// <summary>The values to show for a question: what was just typed, else what is saved.</summary>
    public IReadOnlyList<string> ValuesOf(SurveyQuestion q)
    {
        if (Typed.TryGetValue(q.Id, out var typed))
        {
            return typed;
        }

        if (!Form.Answers.TryGetValue(q.Id, out var a))
        {
            return [];
        }

        return q.Type switch
        {
            QuestionType.Likert5 or QuestionType.Number => [a.Number?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) ?? ""],
            QuestionType.FreeText => [a.Text ?? ""],
            _ => [.. a.ChoiceIds.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };
    }

    private void Private()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers["X-Robots-Tag"] = "noindex";
        Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
