using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Me;

/// <summary>A Participant: their own profile and the names and countries of their group; nobody else's record.</summary>
[Authorize(Policy = Policies.Participant)]
public sealed class IndexModel(TmsswDbContext db, CurrentUser current) : PageModel
{
    public Participant Participant { get; private set; } = null!;
    public string? GroupName { get; private set; }
    public IReadOnlyList<(string Name, string Country)> GroupMates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var p = await db.Participants.AsNoTracking().FirstOrDefaultAsync(x => x.Id == scope.ParticipantId, cancellationToken);
        if (p is null)
        {
            return NotFound();
        }

        Participant = p;
        if (p.GroupId is { } groupId)
        {
            GroupName = await db.Groups.Where(g => g.Id == groupId).Select(g => g.Name).FirstOrDefaultAsync(cancellationToken);
            var mates = await db.Participants.AsNoTracking()
                .Where(x => x.GroupId == groupId && x.Id != p.Id)
                .OrderBy(x => x.FamilyName)
                .Select(x => new { Name = x.GivenName + " " + x.FamilyName, x.Country })
                .ToListAsync(cancellationToken);
            GroupMates = mates.Select(m => (m.Name, m.Country)).ToList();
        }

        return Page();
    }
}
