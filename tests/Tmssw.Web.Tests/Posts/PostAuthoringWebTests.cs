using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Posts;

/// <summary>
/// Staff write a post through the real pages on both databases: the draft (and its image) never reaches
/// the public list, the post page or the Atom feed; a failed form keeps what was typed; the preview is
/// rendered by the server and sanitized; publishing, scheduling and unpublishing are audited; the image
/// is served with the decoded type, a long cache header once public, and no EXIF.
/// </summary>
public sealed partial class PostAuthoringWebTests
{
    private const string Hostile = "Opening paragraph from the field.\n\n**kept bold** <script>alert('x')</script> <img src=x onerror=alert(2)> [click](javascript:alert(3))";

    private static Dictionary<string, string> Form(string token, string title, string body, params string[] extra)
    {
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Title"] = title,
            ["Input.Summary"] = "A summary (synthetic).",
            ["Input.Body"] = body,
            ["Input.Edition"] = "2024",
        };
        for (var i = 0; i + 1 < extra.Length; i += 2)
        {
            form[extra[i]] = extra[i + 1];
        }

        return form;
    }

    private static async Task<List<string>> PublicTitlesAsync(HttpClient anonymous)
    {
        var feed = XDocument.Parse(await anonymous.GetStringAsync("/conversations/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var titles = feed.Root!.Elements(atom + "entry").Select(e => e.Element(atom + "title")!.Value).ToList();
        var list = await anonymous.GetStringAsync("/conversations?page=1");
        titles.AddRange(ListTitle().Matches(list).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
        return titles;
    }

    [Theory, ProviderData]
    public async Task A_post_is_written_previewed_illustrated_scheduled_published_and_unpublished_and_the_draft_never_leaks(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider, seedPeople: true);
        var staff = await app.SignInAsync("staff@tmssw.test");
        var other = await app.SignInAsync("staff2023@tmssw.test");
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        var token = TmsswAppFactory.AntiForgery(await staff.GetStringAsync("/manage/posts/new"));

        // A failed save keeps every field as typed and names the field.
        var failed = await staff.PostAsync("/manage/posts/new", new FormUrlEncodedContent(Form(token, "", "Kept <text> as typed", "Input.Themes", "cybercrime")));
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var failedHtml = await failed.Content.ReadAsStringAsync();
        Assert.Contains("Give the post a title.", failedHtml, StringComparison.Ordinal);
        Assert.Contains("Kept &lt;text&gt; as typed</textarea>", failedHtml, StringComparison.Ordinal);
        Assert.Matches("id=\"theme-cybercrime\"[^>]*checked", failedHtml);

        // The preview is the server's sanitized rendering; nothing is saved.
        var preview = await staff.PostAsync("/manage/posts/new?handler=Preview", new FormUrlEncodedContent(Form(token, "Preview only", Hostile)));
        var previewPage = await preview.Content.ReadAsStringAsync();
        Assert.Contains("Input_Body", previewPage, StringComparison.Ordinal); // the form, still filled (escaped)
        var previewHtml = previewPage[previewPage.IndexOf("class=\"post-preview\"", StringComparison.Ordinal)..];
        Assert.Contains("<strong>kept bold</strong>", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('x')", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", previewHtml, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(app, "Preview only"));

        var title = $"Field notes {provider} (synthetic)";
        var saved = await staff.PostAsync("/manage/posts/new", new FormUrlEncodedContent(Form(token, title, Hostile, "Input.Themes", "narcotics")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var editUrl = saved.Headers.Location!.ToString();
        var id = int.Parse(EditId().Match(editUrl).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var slug = await QueryAsync(app, db => db.Posts.Where(p => p.Id == id).Select(p => p.Slug).SingleAsync());

        // An image uploaded with the draft: a PDF named .jpg is refused; a JPEG with GPS is re-encoded.
        var edit = await staff.GetStringAsync(editUrl);
        token = TmsswAppFactory.AntiForgery(edit);
        var notImage = await UploadAsync(staff, editUrl, token, TestImages.PdfNamedJpg(), "scan.jpg", "image/jpeg");
        Assert.Equal(HttpStatusCode.OK, notImage.StatusCode);
        Assert.Contains("&quot;scan.jpg&quot;: The file is not an image", await notImage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var uploaded = await UploadAsync(staff, editUrl, token, TestImages.JpegWithMetadata(1800, 900), "port.jpg", "application/octet-stream");
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var imageName = await QueryAsync(app, db => db.PostImages.Where(i => i.PostId == id).Select(i => i.Name).SingleAsync());
        var imageUrl = "/conversations/images/" + imageName;

        // The draft: nowhere public, not for the other edition's staff.
        Assert.DoesNotContain(title, await PublicTitlesAsync(anonymous));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/conversations/" + slug)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(imageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(imageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(editUrl)).StatusCode);
        Assert.DoesNotContain(title, await other.GetStringAsync("/manage/posts"), StringComparison.Ordinal);
        var draftImage = await staff.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, draftImage.StatusCode);
        Assert.True(draftImage.Headers.CacheControl?.NoStore, "a draft's image must not be cached");
        Assert.Contains(">Draft<", await staff.GetStringAsync("/manage/posts"), StringComparison.Ordinal);

        // Scheduled a year ahead: still nowhere public.
        var at = DateTimeOffset.UtcNow.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var scheduled = await staff.PostAsync(editUrl + "?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["mode"] = "schedule", ["PublishAt"] = at,
        }));
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Contains(">Scheduled<", await staff.GetStringAsync("/manage/posts"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await PublicTitlesAsync(anonymous));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/conversations/" + slug)).StatusCode);
        var badTime = await staff.PostAsync(editUrl + "?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["mode"] = "schedule", ["PublishAt"] = "next tuesday",
        }));
        Assert.Contains("Give the publication time as a date and time", await badTime.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Back to a draft, then published now: public, sanitized, with its image.
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(editUrl + "?handler=Unpublish", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync(editUrl + "?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["mode"] = "now",
        }))).StatusCode);
        Assert.Contains(title, await PublicTitlesAsync(anonymous));
        var page = await anonymous.GetStringAsync("/conversations/" + slug);
        Assert.Contains("<strong>kept bold</strong>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("alert('x')", page, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", page, StringComparison.Ordinal);
        var feed = await anonymous.GetStringAsync("/conversations/feed.atom");
        Assert.DoesNotContain("alert('x')", feed, StringComparison.Ordinal);
        Assert.Contains("A summary (synthetic).", feed, StringComparison.Ordinal);

        var image = await anonymous.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromDays(365), image.Headers.CacheControl?.MaxAge);
        Assert.True(image.Headers.CacheControl?.Public);
        var bytes = await image.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        Assert.DoesNotContain("Exif\0\0", System.Text.Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);

        var actions = await QueryAsync(app, db => db.AuditEntries.Where(a => a.EntityType == "Post" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["PostCreated", "PostImageAdded", "PostScheduled", "PostUnpublished", "PostPublished"], actions);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string editUrl, string token, byte[] bytes, string fileName, string contentType)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "image", fileName);
        return await client.PostAsync(editUrl + "?handler=Upload", form);
    }

    private static Task<int> CountAsync(TmsswAppFactory app, string title) => QueryAsync(app, db => db.Posts.CountAsync(p => p.Title == title));

    private static async Task<T> QueryAsync<T>(TmsswAppFactory app, Func<TmsswDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TmsswDbContext>());
    }

    [GeneratedRegex("<h2><a href=\"/conversations/[^\"]+\">([^<]+)</a></h2>")]
    private static partial Regex ListTitle();

    [GeneratedRegex("/manage/posts/(\\d+)$")]
    private static partial Regex EditId();
}
