using System.Text.Json;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Posts;

/// <summary><c>tmssw posts add | publish | list</c> on both databases: ids, states, JSON, exit codes and errors naming the option.</summary>
public sealed class PostsCliTests
{
    [Theory, ProviderData]
    public async Task Posts_are_added_as_drafts_published_scheduled_and_listed(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var folder = Directory.CreateTempSubdirectory("tmssw-posts-");
        try
        {
            var body = Path.Combine(folder.FullName, "body.md");
            await File.WriteAllTextAsync(body, "Officers from three regions compared notes (synthetic).\n\n**Next steps** <script>alert(1)</script>");

            var added = await Run("posts", "add", "--title", "Notes from the port (synthetic)", "--file", body, "--summary", "Three regions, one port.",
                "--tag", "narcotics", "--tag", "Cybercrime", "--db", db);
            Assert.True(added.Code == 0, added.Err);
            var id = int.Parse(added.Out.Trim(), System.Globalization.CultureInfo.InvariantCulture);

            var published = await Run("posts", "add", "--title", "Published at once (synthetic)", "--file", body, "--publish", "--db", db);
            Assert.True(published.Code == 0, published.Err);
            var scheduled = await Run("posts", "add", "--title", "Later (synthetic)", "--file", body, "--at", DateTimeOffset.UtcNow.AddDays(30).ToString("O"), "--db", db);
            Assert.True(scheduled.Code == 0, scheduled.Err);

            using (var json = JsonDocument.Parse((await Run("posts", "list", "--json", "--db", db)).Out))
            {
                var posts = json.RootElement.EnumerateArray().ToList();
                Assert.Equal(["draft", "scheduled", "published"], posts.Select(p => p.GetProperty("state").GetString()));
                var draft = posts[0];
                Assert.Equal(id, draft.GetProperty("id").GetInt32());
                Assert.Equal("notes-from-the-port-synthetic", draft.GetProperty("slug").GetString());
                Assert.Equal(["narcotics", "cybercrime"], draft.GetProperty("themes").EnumerateArray().Select(t => t.GetString()));
                Assert.Equal(JsonValueKind.Null, draft.GetProperty("publishedAt").ValueKind);
            }

            var publish = await Run("posts", "publish", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
            Assert.True(publish.Code == 0, publish.Err);
            Assert.Equal($"Post #{id} published.", publish.Out.Trim());
            var again = await Run("posts", "publish", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
            Assert.Equal(1, again.Code);
            Assert.Contains("already published", again.Err, StringComparison.Ordinal);

            var text = await Run("posts", "list", "--db", db);
            Assert.Contains($"#{id,-5} published", text.Out, StringComparison.Ordinal);
            Assert.Contains("Notes from the port (synthetic)", text.Out, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory, ProviderData]
    public async Task Refusals_name_the_option_and_exit_1_or_2(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        var folder = Directory.CreateTempSubdirectory("tmssw-posts-");
        try
        {
            var body = Path.Combine(folder.FullName, "body.md");
            await File.WriteAllTextAsync(body, "Text.");
            var binary = Path.Combine(folder.FullName, "photo.md");
            await File.WriteAllBytesAsync(binary, [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0xC3, 0x28]);

            var unknownTheme = await Run("posts", "add", "--title", "T", "--file", body, "--tag", "astrology", "--db", db);
            Assert.Equal(1, unknownTheme.Code);
            Assert.Contains("--tag: \"astrology\" is not a theme", unknownTheme.Err, StringComparison.Ordinal);

            var noEdition = await Run("posts", "add", "--title", "T", "--file", body, "--tag", "1990", "--db", db);
            Assert.Equal(1, noEdition.Code);
            Assert.Contains("There is no 1990 edition.", noEdition.Err, StringComparison.Ordinal);

            var twoEditions = await Run("posts", "add", "--title", "T", "--file", body, "--tag", "2023", "--tag", "2024", "--db", db);
            Assert.Equal(1, twoEditions.Code);
            Assert.Contains("one edition", twoEditions.Err, StringComparison.Ordinal);

            var emptyTitle = await Run("posts", "add", "--title", " ", "--file", body, "--db", db);
            Assert.Equal(1, emptyTitle.Code);
            Assert.Contains("--title: Give the post a title.", emptyTitle.Err, StringComparison.Ordinal);

            var missing = await Run("posts", "add", "--title", "T", "--file", Path.Combine(folder.FullName, "nope.md"), "--db", db);
            Assert.Equal(2, missing.Code);
            Assert.Contains("--file: cannot open", missing.Err, StringComparison.Ordinal);

            var notText = await Run("posts", "add", "--title", "T", "--file", binary, "--db", db);
            Assert.Equal(1, notText.Code);
            Assert.Contains("is not UTF-8 text", notText.Err, StringComparison.Ordinal);

            var badTime = await Run("posts", "add", "--title", "T", "--file", body, "--at", "someday", "--db", db);
            Assert.Equal(1, badTime.Code);
            Assert.Contains("--at:", badTime.Err, StringComparison.Ordinal);

            var unknown = await Run("posts", "publish", "999999", "--db", db);
            Assert.Equal(1, unknown.Code);
            Assert.Contains("there is no post #999999", unknown.Err, StringComparison.Ordinal);

            // Nothing was saved by any refusal.
            Assert.Equal("[]", (await Run("posts", "list", "--json", "--db", db)).Out.Trim());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
