using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Editions;

namespace Tmssw.Web.Pages;

/// <summary>Public: every published edition.</summary>
[Microsoft.AspNetCore.Authorization.AllowAnonymous]
public sealed class IndexModel(ListEditionSummaries editions) : PageModel
{
    public IReadOnlyList<EditionSummary> Editions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = (await editions.RunAsync(cancellationToken)).OrderByDescending(e => e.Year).ToList();
    }
}
