using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>
/// One thread with its replies, when the visitor may read it (404 otherwise, whether it exists or not);
/// replying (alumni), reporting (signed-in readers) and hiding (staff) post here. A failed form keeps the text.
/// </summary>
[AllowAnonymous]
public sealed class ThreadModel(CurrentUser current, GetThread get, ReplyToThread reply, ReportPost report, HidePost moderate) : PageModel
{
    public ThreadView Thread { get; private set; } = null!;

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Error { get; private set; }

    /// <summary>Which form the error belongs to: "reply", "report-…" or "hide-…".</summary>
    public string? ErrorFor { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public string? ReplyError => ErrorFor == "reply" ? Error : null;

    public string? ReplyText => ErrorFor == "reply" ? Body : null;

    public string? ReportError(int? replyId) => ErrorFor == $"report-{replyId}" ? Error : null;

    public string? ReportReason(int? replyId) => ErrorFor == $"report-{replyId}" ? Reason : null;

    public string? HideError(int? replyId) => ErrorFor == $"hide-{replyId}" ? Error : null;

    public async Task<IActionResult> OnGetAsync(int threadId, CancellationToken ct) => await LoadAsync(threadId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(int threadId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } scope)
        {
            return Challenge();
        }

        var result = await reply.RunAsync(scope, threadId, Body, ct);
        return await AfterAsync(threadId, result, "reply", "Your reply is posted.", ct);
    }

    public async Task<IActionResult> OnPostReportAsync(int threadId, int? replyId, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } scope)
        {
            return Challenge();
        }

        var result = await report.RunAsync(scope, threadId, replyId, Reason, ct);
        return await AfterAsync(threadId, result, $"report-{replyId}", "Reported to the program staff. Thank you.", ct);
    }

    public async Task<IActionResult> OnPostHideAsync(int threadId, int? replyId, bool hide, CancellationToken ct)
    {
        if (await current.GetAsync(ct) is not { } scope)
        {
            return Challenge();
        }

        var result = await moderate.RunAsync(scope, threadId, replyId, hide, Reason, ct);
        return await AfterAsync(threadId, result, $"hide-{replyId}", hide ? "Hidden from readers; the audit log keeps the reason." : "Shown again to readers.", ct);
    }

    private async Task<IActionResult> AfterAsync(int threadId, Core.Result result, string form, string done, CancellationToken ct)
    {
        if (result.Succeeded)
        {
            Message = done;
            return RedirectToPage(new { threadId });
        }

        (Error, ErrorFor) = (result.Error, form);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(threadId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int threadId, CancellationToken ct)
    {
        var thread = await get.RunAsync(await current.GetAsync(ct), threadId, ct);
        if (thread is null)
        {
            return false;
        }

        Thread = thread;
        return true;
    }
}
