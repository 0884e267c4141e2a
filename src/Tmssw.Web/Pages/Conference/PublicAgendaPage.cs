using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Conference;

namespace Tmssw.Web.Pages.Conference;

/// <summary>
/// The base of the public conference pages (anonymous, no script): they read the latest published
/// agenda version only (<see cref="GetPublicAgenda"/>); before the first version, or for an
/// unpublished edition, they are 404.
/// </summary>
[AllowAnonymous]
public abstract class PublicAgendaPage(GetPublicAgenda getAgenda) : PageModel
{
    public PublicAgenda Agenda { get; private set; } = null!;

    protected async Task<bool> LoadAsync(int year, CancellationToken cancellationToken)
    {
        if (await getAgenda.RunAsync(year, cancellationToken) is not { } agenda)
        {
            return false;
        }

        Agenda = agenda;
        return true;
    }

    public string Base => $"/editions/{Agenda.Year}/conference";

    public static string When(SnapshotSession s) => s.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + "–" + s.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateOnly d) => d.ToString("dddd, MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture);

    public static string Day(DateTime d) => Day(DateOnly.FromDateTime(d));

    public static string ChangeName(AgendaChangeKind kind) => kind switch
    {
        AgendaChangeKind.Added => "Added",
        AgendaChangeKind.Moved => "Moved",
        AgendaChangeKind.Cancelled => "Cancelled",
        AgendaChangeKind.Restored => "Back on the agenda",
        AgendaChangeKind.SpeakersChanged => "New speakers",
        _ => "Renamed",
    };

    public string Role(SnapshotSpeakerRole r) => r.Role == SpeakerRole.Moderator ? " (moderator)" : "";
}

public sealed class AgendaModel(GetPublicAgenda getAgenda) : PublicAgendaPage(getAgenda)
{
    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken) ? Page() : NotFound();
}

public sealed class SessionModel(GetPublicAgenda getAgenda) : PublicAgendaPage(getAgenda)
{
    public SnapshotSession Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int sessionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken) || Agenda.Session(sessionId) is not { } session)
        {
            return NotFound();
        }

        Session = session;
        return Page();
    }
}

public sealed class SpeakerModel(GetPublicAgenda getAgenda) : PublicAgendaPage(getAgenda)
{
    public SnapshotSpeaker Speaker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int speakerId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(year, cancellationToken) || Agenda.Agenda.Speaker(speakerId) is not { } speaker)
        {
            return NotFound();
        }

        Speaker = speaker;
        return Page();
    }
}

public sealed class ChangelogModel(GetPublicAgenda getAgenda) : PublicAgendaPage(getAgenda)
{
    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken) =>
        await LoadAsync(year, cancellationToken) ? Page() : NotFound();
}
