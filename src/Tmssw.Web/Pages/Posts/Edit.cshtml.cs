using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Posts;
using Tmssw.Web.Security;

namespace Tmssw.Web.Pages.Posts;

/// <summary>
/// Staff edit a post they may write (another's is a 404): text with preview, publish now or at a later
/// time (UTC), unpublish, and upload images (checked and re-encoded on the server).
/// </summary>
[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(10 * 1024 * 1024 + 64 * 1024)]
public sealed class EditModel(
    CurrentUser current,
    GetPostEditorChoices choices,
    GetPostDraft get,
    SavePost save,
    PublishPost publish,
    UnpublishPost unpublish,
    AddPostImage addImage,
    TimeProvider clock) : PostFormPage(current, choices)
{
    public PostDraft Draft { get; private set; } = null!;

    /// <summary>The schedule field as typed (yyyy-MM-ddTHH:mm, UTC).</summary>
    public string? PublishAt { get; private set; }

    public string? ActionError { get; private set; }

    public string? UploadError { get; private set; }

    public async Task OnGetAsync(int postId, CancellationToken ct)
    {
        await LoadAsync(postId, ct);
        var post = Draft.Post;
        Input = new PostForm { Title = post.Title, Summary = post.Summary, Body = post.BodyMarkdown, Themes = [.. post.Themes], Edition = Draft.EditionYear };
    }

    public async Task<IActionResult> OnPostAsync(int postId, CancellationToken ct)
    {
        await LoadAsync(postId, ct);
        var outcome = await save.RunAsync(Scope, postId, Input.ToInput(), ct);
        if (!outcome.Succeeded)
        {
            Errors = outcome.Errors;
            return Page();
        }

        Message = "Saved.";
        return RedirectToPage(new { postId });
    }

    public async Task<IActionResult> OnPostPreviewAsync(int postId, CancellationToken ct)
    {
        await LoadAsync(postId, ct);
        RenderPreview();
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int postId, string? mode, [FromForm(Name = "PublishAt")] string? publishAt, CancellationToken ct)
    {
        await LoadAsync(postId, ct);
        FillFromPost();
        DateTimeOffset? at = null;
        if (mode == "schedule")
        {
            PublishAt = publishAt;
            if (!DateTime.TryParseExact(publishAt?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                ActionError = "Give the publication time as a date and time (UTC), for example 2026-05-01T09:00.";
                return Page();
            }

            at = new DateTimeOffset(local, TimeSpan.Zero);
        }

        var result = await publish.RunAsync(Scope, postId, at, ct);
        if (!result.Succeeded)
        {
            ActionError = result.Error;
            return Page();
        }

        Message = at is { } when && when > clock.GetUtcNow() ? $"Scheduled: the post appears on {when:yyyy-MM-dd HH:mm} UTC." : "Published.";
        return RedirectToPage(new { postId });
    }

    public async Task<IActionResult> OnPostUnpublishAsync(int postId, CancellationToken ct)
    {
        await LoadAsync(postId, ct);
        var result = await unpublish.RunAsync(Scope, postId, ct);
        if (!result.Succeeded)
        {
            FillFromPost();
            ActionError = result.Error;
            return Page();
        }

        Message = "Unpublished: the post is a draft again.";
        return RedirectToPage(new { postId });
    }

    public async Task<IActionResult> OnPostUploadAsync(int postId, IFormFile? image, CancellationToken ct)
    {
        await LoadAsync(postId, ct);
        FillFromPost();
        if (image is null || image.Length == 0)
        {
            UploadError = "Choose an image file to upload.";
            return Page();
        }

        if (image.Length > ImageLimits.Default.MaxBytes)
        {
            UploadError = $"\"{Path.GetFileName(image.FileName)}\" has {image.Length / 1024.0 / 1024.0:0.#} MB; an image may have at most {ImageLimits.Default.MaxBytes / 1024 / 1024} MB.";
            return Page();
        }

        using var buffer = new MemoryStream();
        await image.CopyToAsync(buffer, ct);
        var (added, result) = await addImage.RunAsync(Scope, postId, buffer.ToArray(), image.FileName, ct);
        if (added is null)
        {
            UploadError = result.Error;
            return Page();
        }

        Message = $"Image added ({added.Width} × {added.Height}). Put it in the text with ![description]({added.Url}).";
        return RedirectToPage(new { postId });
    }

    private async Task LoadAsync(int postId, CancellationToken ct)
    {
        await LoadAsync(ct);
        Draft = await get.RunAsync(Scope, postId, ct);
    }

    private void FillFromPost()
    {
        var post = Draft.Post;
        Input = new PostForm { Title = post.Title, Summary = post.Summary, Body = post.BodyMarkdown, Themes = [.. post.Themes], Edition = Draft.EditionYear };
    }
}
