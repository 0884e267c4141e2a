using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tmssw.Core.Accounts;
using Tmssw.Core.Posts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Posts;

/// <summary>What the post form sends: the edition as its year ("" for none, Admins only).</summary>
public sealed class PostForm
{
    public string? Title { get; set; }
    public string? Summary { get; set; }
    public string? Body { get; set; }
    public List<string> Themes { get; set; } = [];
    public int? Edition { get; set; }

    public PostInput ToInput() => new(Title, Summary, Body, Themes, Edition);
}

/// <summary>
/// The base of the new-post and edit-post pages: the form (kept as typed when saving fails), its
/// field errors and the preview, rendered on the server by the same sanitizing Markdown as the public page.
/// </summary>
public abstract class PostFormPage(CurrentUser current, GetPostEditorChoices choices) : PageModel
{
    [BindProperty]
    public PostForm Input { get; set; } = new();

    public PostEditorChoices Choices { get; private set; } = null!;

    public IReadOnlyList<PostFieldError> Errors { get; protected set; } = [];

    /// <summary>The body as readers will see it, after "Preview".</summary>
    public string? PreviewHtml { get; private set; }

    [TempData]
    public string? Message { get; set; }

    protected UserScope Scope { get; private set; } = null!;

    public string? Error(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public bool ThemeChosen(string code) => Input.Themes.Contains(code, StringComparer.Ordinal);

    protected async Task LoadAsync(CancellationToken ct)
    {
        Scope = await current.RequireAsync(ct);
        Choices = await choices.RunAsync(Scope, ct);
    }

    protected void RenderPreview()
    {
        var body = Input.Body ?? "";
        if (body.Length > Post.BodyMax)
        {
            Errors = [new PostFieldError("Body", $"The text has {body.Length:N0} characters; at most {Post.BodyMax:N0}.")];
            return;
        }

        PreviewHtml = Tmssw.Web.Shared.Markdown.ToSafeHtmlString(body);
    }
}
