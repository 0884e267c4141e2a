using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Participants;

/// <summary>
/// Admin and the edition's Staff: edit any of its participants; a Nominator: their own country's,
/// while still Nominated. Anything else is a 404.
/// </summary>
[Authorize(Policy = Policies.Nominations)]
public sealed class EditModel(TmsswDbContext db, CurrentUser current, SaveParticipant save) : ParticipantFormPage(db, current, save)
{
    public async Task<IActionResult> OnGetAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadEditableAsync(year, id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var p = await Db.Participants.AsNoTracking().FirstAsync(x => x.Id == id, cancellationToken);
        Input = ParticipantInput.From(p);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int id, CancellationToken cancellationToken) =>
        await LoadEditableAsync(year, id, cancellationToken) ?? await SaveAsync(cancellationToken);

    private async Task<IActionResult?> LoadEditableAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        var p = await Scope.Participants(Db).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.EditionId == Edition.Id, cancellationToken);
        if (p is null || !Scope.MayEdit(p))
        {
            return NotFound();
        }

        ParticipantId = id;
        return null;
    }
}
