using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests.Posts;

public sealed class PostPagesTests
{
    [Theory, ProviderData]
    public async Task Posts_are_sanitized_and_load_more_fetches_the_next_page(Provider provider)
    {
        await using var app = await TmsswAppFactory.StartAsync(provider);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            db.Posts.Add(new Tmssw.Core.Posts.Post
            {
                Slug = "xss", Title = "Hostile", Author = "x", PublishedAt = DateTimeOffset.UtcNow,
                BodyMarkdown = "Hello <script>alert(1)</script> <img src=x onerror=alert(2)> [link](javascript:alert(3)) **bold**",
            });
            await db.SaveChangesAsync();
        }

        var client = app.CreateClient();
        var post = await client.GetStringAsync("/conversations/xss");
        Assert.Contains("<strong>bold</strong>", post);
        Assert.DoesNotContain("<script>alert(1)", post);
        Assert.DoesNotContain("onerror", post);
        Assert.DoesNotContain("javascript:alert", post);

        var first = await client.GetStringAsync("/conversations");
        Assert.Contains("Hostile", first);
        Assert.Contains("hx-get=\"/conversations?page=2&amp;partial=true\"", first);
        Assert.Contains("href=\"/conversations?page=2\"", first);
        var more = await client.GetStringAsync("/conversations?page=2&partial=true");
        Assert.DoesNotContain("<html", more);
        Assert.Contains("<article", more);

        var feed = await client.GetAsync("/conversations/feed.atom");
        Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
        var xml = System.Xml.Linq.XDocument.Parse(await feed.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(5, xml.Root!.Elements(atom + "entry").Count());
        Assert.DoesNotContain("<script", xml.ToString());
    }
}
