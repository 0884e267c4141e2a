using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Editions;

namespace Tmssw.Web.Pages.Editions;

/// <summary>Public: a published edition's page.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class DetailModel(GetPublicEdition getEdition) : PageModel
{
    public IReadOnlyDictionary<string, string> CityNames { get; private set; } = new Dictionary<string, string>();

    public Edition? Edition { get; private set; }

    public bool HasConferenceAgenda { get; private set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken cancellationToken)
    {
        if (await getEdition.RunAsync(year, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        (Edition, CityNames, HasConferenceAgenda) = shown;
        return Page();
    }

    public string CityName(string id) => CityNames.TryGetValue(id, out var name) ? name : id;
}
