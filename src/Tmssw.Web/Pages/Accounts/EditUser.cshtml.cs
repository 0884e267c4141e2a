using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Accounts;

/// <summary>Admin only: change a user's scope, edition assignments and lock.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class EditUserModel(TmsswDbContext db, UpdateUserScope update, CurrentUser current) : PageModel
{
    public sealed class ScopeInput
    {
        public string? Editions { get; set; }
        public string? Country { get; set; }
        public string? CityId { get; set; }
        public int? GroupId { get; set; }
        public int? ParticipantId { get; set; }
        public bool Locked { get; set; }
    }

    [BindProperty]
    public ScopeInput Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        var user = await LoadAsync(id, cancellationToken);
        if (user is null)
        {
            return NotFound();
        }

        var ids = user.EditionAssignments.Select(a => a.EditionId).ToList();
        var years = await db.Editions.Where(e => ids.Contains(e.Id)).Select(e => e.Year).OrderBy(y => y).ToListAsync(cancellationToken);
        Input = new ScopeInput
        {
            Editions = string.Join(", ", years),
            Country = user.Country,
            CityId = user.CityId,
            GroupId = user.GroupId,
            ParticipantId = user.ParticipantId,
            Locked = user.LockoutEnd is { } end && end > DateTimeOffset.UtcNow,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var years = UsersModel.ParseYears(Input.Editions, "Input.Editions", ModelState);
        if (ModelState.IsValid)
        {
            var by = (await current.RequireAsync(cancellationToken)).Actor;
            var errors = await update.RunAsync(id, new UserScopeChange(Input.Country, Input.CityId, Input.GroupId, Input.ParticipantId, years, Input.Locked), by, cancellationToken);
            foreach (var e in errors)
            {
                ModelState.AddModelError(string.Empty, e);
            }

            Saved = errors.Count == 0;
        }

        return Page();
    }

    private async Task<AppUser?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().Include(u => u.EditionAssignments).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is not null)
        {
            Email = user.Email ?? user.Id;
            Roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name!).ToListAsync(cancellationToken);
        }

        return user;
    }
}
