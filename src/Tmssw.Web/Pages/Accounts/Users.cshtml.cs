using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Accounts;

/// <summary>Admin only: every account with its roles and scope; create an account.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class UsersModel(TmsswDbContext db, AddUser addUser, CurrentUser current) : PageModel
{
    public sealed record UserRow(string Id, string Email, IReadOnlyList<string> Roles, string Scope, bool Locked);

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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Include(u => u.EditionAssignments).OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var years = await db.Editions.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.Year, cancellationToken);
        Users = users.Select(u => new UserRow(
            u.Id,
            u.Email ?? u.UserName ?? u.Id,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList(),
            Describe(u, years),
            u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow)).ToList();
    }

    internal static string Describe(AppUser u, IReadOnlyDictionary<int, int> years)
    {
        var parts = new List<string>();
        if (u.EditionAssignments.Count > 0)
        {
            parts.Add("editions " + string.Join(", ", u.EditionAssignments.Select(a => years.TryGetValue(a.EditionId, out var y) ? y : a.EditionId).Order()));
        }

        if (u.Country is not null)
        {
            parts.Add("country " + u.Country);
        }

        if (u.CityId is not null)
        {
            parts.Add("city " + u.CityId);
        }

        if (u.GroupId is not null)
        {
            parts.Add("group " + u.GroupId);
        }

        if (u.ParticipantId is not null)
        {
            parts.Add("participant " + u.ParticipantId);
        }

        return parts.Count == 0 ? "—" : string.Join("; ", parts);
    }

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
