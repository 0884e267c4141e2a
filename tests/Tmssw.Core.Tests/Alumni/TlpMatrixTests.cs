using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Alumni;

/// <summary>
/// Every TLP level against every kind of reader, through every way threads are read (the list, the thread
/// page's query, the replies, the digest's and the API's shared list): one visibility rule, one matrix.
/// </summary>
public sealed class TlpMatrixTests
{
    private static readonly string[] Readers = ["Anonymous", "Staff", "Author", "SameTheme", "SameRegion", "SameAgency", "Recipient", "Other", "NonAlumnus"];

    // R = reads the thread and its reply; - = sees neither (the thread page is a 404).
    private static readonly Dictionary<string, string> Matrix = new()
    {
        ["CLEAR"] = "R R R R R R R R R",
        ["GREEN"] = "- R R R R R R R -",
        ["AMBER theme"] = "- - R R - - - - -",
        ["AMBER region"] = "- - R - R - - - -",
        ["AMBER+STRICT"] = "- - R - - R - - -",
        ["RED"] = "- - R - - - R - -",
    };

    [Theory, ProviderData]
    public async Task Each_label_reaches_exactly_its_readers_in_the_list_the_thread_and_the_replies(Provider provider)
    {
        await using var w = await AlumniWorld.CreateAsync(provider);
        var author = await w.ScopeOfAsync("Author");
        var region = Tmssw.Core.Reference.Countries.FindByCode("SN")!.WorldRegion;
        var threads = new Dictionary<string, int>
        {
            ["CLEAR"] = await StartAsync(w, author, new NewThread("Clear one", "Public text", "narcotics", "CLEAR")),
            ["GREEN"] = await StartAsync(w, author, new NewThread("Green one", "For the community", "narcotics", "TLP:GREEN")),
            ["AMBER theme"] = await StartAsync(w, author, new NewThread("Amber theme", "Narcotics people only", "narcotics", "AMBER", AudienceTheme: "narcotics")),
            ["AMBER region"] = await StartAsync(w, author, new NewThread("Amber region", "Region only", "narcotics", "amber", AudienceRegion: region)),
            ["AMBER+STRICT"] = await StartAsync(w, author, new NewThread("Strict", "My agency only", "narcotics", "AMBER+STRICT")),
            ["RED"] = await StartAsync(w, author, new NewThread("Red one", "Named only", "narcotics", "RED", Recipients: [w.Ids["Recipient"]])),
        };
        foreach (var id in threads.Values)
        {
            Assert.True((await w.RunAsync<ReplyToThread, Result>(s => s.RunAsync(author, id, "A reply by the author"))).Succeeded);
        }

        var failures = new List<string>();
        foreach (var reader in Readers)
        {
            UserScope? scope = reader switch
            {
                "Anonymous" => null,
                "Staff" => AlumniWorld.Staff,
                _ => await w.ScopeOfAsync(reader),
            };
            var listed = (await w.RunAsync<ListThreads, IReadOnlyList<ThreadSummary>>(s => s.RunAsync(scope))).Select(t => t.Id).ToHashSet();
            await using var db = w.Db();
            var replies = await UserScope.ReadableReplies(scope, db).Select(r => r.ThreadId).ToListAsync();
            foreach (var (label, id) in threads)
            {
                var expected = Matrix[label].Split(' ')[Array.IndexOf(Readers, reader)] == "R";
                var view = await w.RunAsync<GetThread, ThreadView?>(s => s.RunAsync(scope, id));
                var outcomes = (listed.Contains(id), view is not null, replies.Contains(id), view?.Replies.Count == 1);
                if (outcomes != (expected, expected, expected, expected))
                {
                    failures.Add($"{label} as {reader}: expected {(expected ? "read" : "hidden")}, got list/thread/reply-query/reply-on-page {outcomes}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory, ProviderData]
    public async Task A_non_alumnus_cannot_write_and_a_reader_outside_the_label_cannot_reply_or_report(Provider provider)
    {
        await using var w = await AlumniWorld.CreateAsync(provider);
        var author = await w.ScopeOfAsync("Author");
        var red = await StartAsync(w, author, new NewThread("Red", "Named only", "narcotics", "RED", Recipients: [w.Ids["Recipient"]]));
        var nonAlumnus = await w.ScopeOfAsync("NonAlumnus");
        Assert.False(nonAlumnus.IsAlumnus);
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<StartThread, StartThreadOutcome>(s => s.RunAsync(nonAlumnus, new NewThread("x", "y", "narcotics", "GREEN"))));
        var other = await w.ScopeOfAsync("Other");
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ReplyToThread, Result>(s => s.RunAsync(other, red, "let me in")));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ReportPost, Result>(s => s.RunAsync(other, red, null, "what is this")));
        var recipient = await w.ScopeOfAsync("Recipient");
        Assert.True((await w.RunAsync<ReplyToThread, Result>(s => s.RunAsync(recipient, red, "Received"))).Succeeded);
    }

    [Theory, ProviderData]
    public async Task Labels_that_need_an_audience_are_refused_without_one_and_nothing_is_stored_in_clear(Provider provider)
    {
        await using var w = await AlumniWorld.CreateAsync(provider);
        var author = await w.ScopeOfAsync("Author");
        var amber = await w.RunAsync<StartThread, StartThreadOutcome>(s => s.RunAsync(author, new NewThread("t", "b", "narcotics", "AMBER")));
        Assert.Contains(amber.Errors, e => e.Field == "AudienceTheme");
        var red = await w.RunAsync<StartThread, StartThreadOutcome>(s => s.RunAsync(author, new NewThread("t", "b", "narcotics", "RED")));
        Assert.Contains(red.Errors, e => e.Field == "Recipients");
        var unknown = await w.RunAsync<StartThread, StartThreadOutcome>(s => s.RunAsync(author, new NewThread("", new string('x', AlumniRules.BodyMax + 1), "nope", "PURPLE")));
        Assert.Equal(["Title", "Body", "Theme", "Tlp"], unknown.Errors.Select(e => e.Field).ToArray());

        var id = await StartAsync(w, author, new NewThread("Secret title here", "Secret body here", "narcotics", "AMBER+STRICT"));
        await using var db = w.Db();
        var row = await db.AlumniThreads.AsNoTracking().SingleAsync(t => t.Id == id);
        Assert.DoesNotContain("Secret", row.TitleProtected, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", row.BodyProtected, StringComparison.Ordinal);
        Assert.Equal("agency alpha", row.AgencyKey);
    }

    internal static async Task<int> StartAsync(AlumniWorld w, UserScope scope, NewThread thread)
    {
        var outcome = await w.RunAsync<StartThread, StartThreadOutcome>(s => s.RunAsync(scope, thread));
        Assert.True(outcome.ThreadId is not null, string.Join("; ", outcome.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return outcome.ThreadId!.Value;
    }
}
