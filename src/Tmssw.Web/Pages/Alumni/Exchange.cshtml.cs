using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Alumni;

/// <summary>The knowledge exchange's threads the visitor may read (anonymous: TLP:CLEAR only), by theme.</summary>
[AllowAnonymous]
public sealed class ExchangeModel(CurrentUser current, ListThreads list) : PageModel
{
    public string? Theme { get; private set; }
    public IReadOnlyList<ThreadSummary> Threads { get; private set; } = [];
    public bool MayWrite { get; private set; }
    public bool MayModerate { get; private set; }
    public bool SignedIn { get; private set; }

    public async Task OnGetAsync(string? theme, CancellationToken ct)
    {
        var scope = await current.GetAsync(ct);
        Theme = Tmssw.Core.Reference.Themes.Resolve(theme)?.Code;
        SignedIn = scope is not null;
        MayWrite = scope?.MayWriteThreads == true;
        MayModerate = scope?.MayModerateAlumni == true;
        Threads = await list.RunAsync(scope, Theme, ct);
    }
}
