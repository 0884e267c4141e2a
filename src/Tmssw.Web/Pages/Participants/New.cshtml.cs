using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Participants;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Participants;

/// <summary>Admin and the edition's Staff: nominate anyone; a Nominator: a participant of their own country.</summary>
[Authorize(Policy = Policies.Nominations)]
public sealed class NewModel(CurrentUser current, SaveParticipant save) : ParticipantFormPage(current, save)
{
    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadNominatingAsync(year, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input = new ParticipantInput { Country = Scope.DefaultCountryFor(Edition.Id) };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken cancellationToken) =>
        await LoadNominatingAsync(year, cancellationToken) ?? await SaveAsync(cancellationToken);

    private async Task<IActionResult?> LoadNominatingAsync(int year, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: false, cancellationToken) is { } refused)
        {
            return refused;
        }

        return Scope.MayNominateIn(Edition.Id) ? null : NotFound();
    }
}
