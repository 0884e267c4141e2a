using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Participants;

/// <summary>
/// Admin and the edition's Staff: edit any of its participants; a Nominator: their own country's,
/// while still Nominated. Anything else is a 404.
/// </summary>
[Authorize(Policy = Policies.Nominations)]
public sealed class EditModel(CurrentUser current, SaveParticipant save, GetParticipant getParticipant) : ParticipantFormPage(current, save)
{
    public async Task<IActionResult> OnGetAsync(int year, int id, CancellationToken cancellationToken)
    {
        var (refused, participant) = await LoadEditableAsync(year, id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        Input = ParticipantInput.From(participant!);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, int id, CancellationToken cancellationToken) =>
        (await LoadEditableAsync(year, id, cancellationToken)).Refused ?? await SaveAsync(cancellationToken);

    private async Task<(IActionResult? Refused, Participant? Participant)> LoadEditableAsync(int year, int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return (refused, null);
        }

        var shown = await getParticipant.RunAsync(Scope, id, Edition.Id, cancellationToken);
        if (shown is null || !Scope.MayEdit(shown.Participant))
        {
            return (NotFound(), null);
        }

        ParticipantId = id;
        return (null, shown.Participant);
    }
}
