using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Posts;

namespace Tmssw.Web.Pages.Posts;

/// <summary>Public: one published post, its Markdown rendered and sanitized.</summary>
[AllowAnonymous]
public sealed class PostModel(ListPosts posts) : PageModel
{
    public Post Post { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await posts.FindAsync(slug, cancellationToken) is not { } post)
        {
            return NotFound();
        }

        Post = post;
        return Page();
    }
}
