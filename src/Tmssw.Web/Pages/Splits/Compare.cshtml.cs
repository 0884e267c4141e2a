using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Splits;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Splits;

/// <summary>
/// /manage/{year}/split/compare?a=&amp;b= — Admin and the edition's assigned Staff only (other roles 403 by
/// the Staff policy; Staff of another edition, an unknown year or version 404): who moved from where to
/// where between two versions, and the score difference term by term.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class CompareModel(CurrentUser current, CompareSplitVersions compare) : EditionPage(current)
{
    public SplitComparison Comparison { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int year, int a, int b, CancellationToken cancellationToken)
    {
        if (await LoadAsync(year, requireRunning: true, cancellationToken) is { } refused)
        {
            return refused;
        }

        var comparison = await compare.RunAsync(Scope, Edition.Id, a, b, cancellationToken);
        if (comparison is null)
        {
            return NotFound();
        }

        Comparison = comparison;
        return Page();
    }

    public string CityName(string? id) => id is null ? "(not in this version)" : Comparison.CityNames.TryGetValue(id, out var n) ? n : id;
}
