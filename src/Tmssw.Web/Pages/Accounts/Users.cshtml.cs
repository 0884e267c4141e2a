using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Accounts;

/// <summary>Admin only: every account with its roles and scope; create an account.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(AddUser addUser, ListUsers listUsers, CurrentUser current) : PageModel
{
    public sealed class NewUserInput
    {
        public string Email { get; set; } = "";
        public string Role { get; set; } = Tmssw.Core.Accounts.Roles.Staff;
        public string? Editions { get; set; }
        public string? Country { get; set; }
        public string? CityId { get; set; }
        public int? GroupId { get; set; }
        public int? ParticipantId { get; set; }
    }

    [BindProperty]
    public NewUserInput Input { get; set; } = new();

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public (string Email, string? Password)? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var years = ParseYears(Input.Editions, "Input.Editions", ModelState);
        if (ModelState.IsValid)
        {
            var by = (await current.RequireAsync(cancellationToken)).Actor;
            var (added, errors) = await addUser.RunAsync(
                new NewUser(Input.Email.Trim(), Input.Role, null, null, Blank(Input.Country), Blank(Input.CityId), Input.GroupId, Input.ParticipantId, years),
                by,
                cancellationToken);
            if (added is not null)
            {
                Created = (added.User.Email!, added.GeneratedPassword);
                Input = new();
                ModelState.Clear();
            }
            else
            {
                foreach (var e in errors)
                {
                    ModelState.AddModelError(string.Empty, e);
                }
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Users = await listUsers.RunAsync(await current.RequireAsync(cancellationToken), cancellationToken);

    /// <summary>"2023, 2024" → the years; anything else is a field error.</summary>
    internal static List<int> ParseYears(string? text, string field, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState)
    {
        var years = new List<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                years.Add(y);
            }
            else
            {
                modelState.AddModelError(field, $"'{part}' is not a year.");
            }
        }

        return years;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
