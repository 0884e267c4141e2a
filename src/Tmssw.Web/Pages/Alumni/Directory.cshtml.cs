using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>The alumni directory (signed-in alumni and staff): only what each alumnus shares; by theme, region and edition.</summary>
[Authorize(Policy = Policies.Alumni)]
public sealed class DirectoryModel(CurrentUser current, BrowseAlumniDirectory browse) : PageModel
{
    public string? Theme { get; set; }
    public string? Region { get; set; }
    public int? Edition { get; set; }
    public AlumniDirectory Directory { get; private set; } = null!;
    public bool IsAlumnus { get; private set; }

    public async Task OnGetAsync(string? theme, string? region, string? edition, CancellationToken ct)
    {
        var scope = await current.RequireAsync(ct);
        (Theme, Region) = (theme, region);
        Edition = int.TryParse(edition, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
        IsAlumnus = scope.IsAlumnus;
        Directory = await browse.RunAsync(scope, new AlumniFilter(theme, region, Edition), ct);
    }
}
