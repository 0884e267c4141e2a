using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Tmssw.Core.Accounts;

namespace Tmssw.Web.Pages.Accounts;

/// <summary>Anonymous: sign in. Rate-limited; repeated failures lock the account.</summary>
[AllowAnonymous]
[EnableRateLimiting(TmsswWeb.SignInRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, RecordSignIn recordSignIn) : PageModel
{
    /// <summary>
    /// One answer for every failure (unknown e-mail, wrong password, locked account), so the form cannot
    /// tell anyone whether an account exists.
    /// </summary>
    public const string Failure = "The e-mail or password is not right, or the account is locked after repeated failed sign-ins: try again in 15 minutes or ask an administrator.";

    /// <summary>
    /// Every failed sign-in is answered this long after its request began (or later, if the work took longer):
    /// the decoy hash makes the paths cost about the same, and this hides what still differs (a known account's
    /// failure count is written, an unknown one has nothing to write), so the time of the answer cannot tell
    /// whether an account exists, is locked or was mistyped.
    /// </summary>
    public static readonly TimeSpan FailureAnswerTime = TimeSpan.FromMilliseconds(400);

    /// <summary>A hash of a password nobody has, verified for unknown e-mails so that they cost the same time as known ones.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var email = Input.Email.Trim();
        if (await users.FindByNameAsync(email) is null)
        {
            // Spend what checking a real password spends, then answer as for a wrong one.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, Input.Password);
            return await FailedAsync(started);
        }

        var result = await signIn.PasswordSignInAsync(email, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await recordSignIn.RunAsync(email, HttpContext.RequestAborted);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/home");
        }

        if (result.IsLockedOut)
        {
            // Identity answers a locked account without looking at the password: spend the same again,
            // so a lock cannot be told from a wrong password by its time.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DecoyHash.Value, Input.Password);
        }

        return await FailedAsync(started);
    }

    private async Task<IActionResult> FailedAsync(long started)
    {
        // A timer may fire a little early by the stopwatch's measure: wait again until the time has truly passed.
        TimeSpan left;
        while ((left = FailureAnswerTime - System.Diagnostics.Stopwatch.GetElapsedTime(started)) > TimeSpan.Zero)
        {
            await Task.Delay(left + TimeSpan.FromMilliseconds(1), HttpContext.RequestAborted);
        }

        ModelState.AddModelError(string.Empty, Failure);
        return Page();
    }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Enter your e-mail.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.org.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
