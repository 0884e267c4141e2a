using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Core.Mail;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Mail;

/// <summary>
/// The e-mail outbox (Admin and Staff: their editions' messages): review, edit, approve or discard each
/// generated message; send the approved ones now (the app also sends them in the background when SMTP
/// is configured); generate a round (itinerary ready, survey, thank-you). Nothing leaves unapproved.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class OutboxModel(
    CurrentUser current,
    ListOutbox list,
    EditMessage edit,
    ApproveMessage approve,
    DiscardMessage discard,
    SendOutbox send,
    GenerateMessages generate,
    MailSettings settings) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public IReadOnlyList<OutboxItem> Messages { get; private set; } = [];

    public bool CanSend => settings.CanSend;

    public string? Error { get; private set; }

    public int? ErrorFor { get; private set; }

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? Subject { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(await current.RequireAsync(ct), ct);

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        var scope = await current.RequireAsync(ct);
        var result = await edit.RunAsync(scope, id, new MessageEdit(To, Subject, Body), ct);
        if (!result.Succeeded)
        {
            (Error, ErrorFor) = (result.Error, id);
            await LoadAsync(scope, ct);
            return Page();
        }

        Message = $"Message #{id} saved; it waits for approval.";
        return RedirectToPage(new { Status });
    }

    public Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct) =>
        ActAsync(id, (scope, c) => approve.RunAsync(scope, id, c), $"Message #{id} approved; it goes with the next sending.", ct);

    public Task<IActionResult> OnPostDiscardAsync(int id, CancellationToken ct) =>
        ActAsync(id, (scope, c) => discard.RunAsync(scope, id, c), $"Message #{id} discarded.", ct);

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var outcome = await send.RunAsync(await current.RequireAsync(ct), ct);
        Message = $"{outcome.Sent} sent, {outcome.Failed} failed (kept and retried later)." + (outcome.Errors.Count > 0 ? " " + string.Join(" ", outcome.Errors.Take(3)) : "");
        return RedirectToPage(new { Status });
    }

    public async Task<IActionResult> OnPostGenerateAsync(int year, MailTemplate template, string? city, CancellationToken ct)
    {
        var scope = await current.RequireAsync(ct);
        try
        {
            var (added, result) = await generate.RunAsync(scope, year, template, city, ct);
            Message = result.Succeeded ? $"{added} messages generated; they wait for review." : result.Error;
        }
        catch (OutOfScopeException)
        {
            Message = $"You do not run a {year} edition.";
        }

        return RedirectToPage(new { Status });
    }

    private async Task<IActionResult> ActAsync(int id, Func<UserScope, CancellationToken, Task<Tmssw.Core.Result>> action, string done, CancellationToken ct)
    {
        var scope = await current.RequireAsync(ct);
        var result = await action(scope, ct);
        if (!result.Succeeded)
        {
            (Error, ErrorFor) = (result.Error, id);
            await LoadAsync(scope, ct);
            return Page();
        }

        Message = done;
        return RedirectToPage(new { Status });
    }

    private async Task LoadAsync(UserScope scope, CancellationToken ct)
    {
        OutboxStatus? status = Enum.TryParse<OutboxStatus>(Status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Messages = await list.RunAsync(scope, status, ct);
    }
}
