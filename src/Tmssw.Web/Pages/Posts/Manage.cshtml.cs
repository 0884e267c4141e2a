using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Posts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Posts;

/// <summary>Staff: the posts they may write, drafts and scheduled ones included.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageModel(CurrentUser current, ListManagedPosts list) : PageModel
{
    public IReadOnlyList<ManagedPost> Posts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Posts = await list.RunAsync(await current.RequireAsync(ct), ct);
}
