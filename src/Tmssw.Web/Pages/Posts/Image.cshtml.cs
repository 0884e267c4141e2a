using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Posts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Posts;

/// <summary>
/// A post's image, as the server re-encoded it, with the content type of what was decoded. A public
/// post's images are cached for a year (their names are random and never reused); a draft's are shown
/// only to those who may write it, uncached; anyone else gets a 404.
/// </summary>
[AllowAnonymous]
public sealed class ImageModel(CurrentUser current, GetPostImage get) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string name, CancellationToken ct)
    {
        var image = await get.RunAsync(await current.GetAsync(ct), name, ct);
        if (image is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = image.IsPublic ? "public, max-age=31536000, immutable" : "private, no-store";
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(image.Content, image.ContentType);
    }
}
