using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Posts;

namespace Tmssw.Web.Pages.Posts;

/// <summary>
/// Public: the posts, newest first. "Load more" fetches the next page in place with htmx; without
/// JavaScript it is a plain link to the next page.
/// </summary>
[AllowAnonymous]
public sealed class IndexModel(ListPosts posts) : PageModel
{
    public PostPage Posts { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1, [FromQuery] bool partial = false, CancellationToken cancellationToken = default)
    {
        Posts = await posts.RunAsync(page, cancellationToken: cancellationToken);
        return partial ? Partial("_PostList", Posts) : Page();
    }
}
