using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Accounts;

/// <summary>
/// Any signed-in role: list, create and revoke one's own API tokens (the clear token is shown once,
/// right after it is created). An Admin also sees and revokes everyone's.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TokensModel(CurrentUser current, CreateApiToken create, RevokeApiToken revoke, ListApiTokens list) : PageModel
{
    public const int MaxName = CreateApiToken.MaxName;

    [BindProperty]
    public NewTokenInput Input { get; set; } = new();

    public IReadOnlyList<ApiTokenRow> Mine { get; private set; } = [];

    /// <summary>Every other account's tokens; only filled for an Admin.</summary>
    public IReadOnlyList<ApiTokenRow> Others { get; private set; } = [];

    public bool IsAdmin { get; private set; }

    /// <summary>The token just created, shown once and never again.</summary>
    public string? CreatedToken { get; private set; }

    public string? CreatedName { get; private set; }

    public DateTimeOffset? CreatedExpiresAt { get; private set; }

    public DateTimeOffset Now { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        if (CreateApiToken.CheckDays(Input.Days) is { } problem)
        {
            ModelState.AddModelError($"{nameof(Input)}.{nameof(Input.Days)}", problem);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        CreatedName = Input.Name.Trim();
        var created = await create.RunAsync(scope.UserId, CreatedName, scope.Actor, Input.Days, cancellationToken);
        CreatedToken = created.Token;
        CreatedExpiresAt = created.ExpiresAt;
        Input = new();
        ModelState.Clear();
        await LoadAsync(cancellationToken);

        // The clear token is in this response only: keep it out of caches.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var revoked = await revoke.RunAsync(scope, id, cancellationToken);
        if (!revoked)
        {
            // Someone else's token, an unknown one, or one already revoked: the same answer for each.
            return NotFound();
        }

        Message = "The token was revoked; programs using it are refused from now on.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        IsAdmin = scope.IsAdmin;
        Now = DateTimeOffset.UtcNow;
        var tokens = await list.RunAsync(scope, cancellationToken);
        Mine = tokens.Mine;
        Others = tokens.Others;
    }

    public sealed class NewTokenInput
    {
        [Required(ErrorMessage = "Name the token after the program that will use it, e.g. \"roster export\".")]
        [StringLength(MaxName, ErrorMessage = "A token name has at most 100 characters.")]
        public string Name { get; set; } = "";

        /// <summary>How many days the token works: 90 unless chosen, at most 365.</summary>
        public int Days { get; set; } = ApiToken.DefaultDays;
    }
}
