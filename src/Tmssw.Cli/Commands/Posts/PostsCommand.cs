using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Posts;

namespace Tmssw.Cli.Commands.Posts;

/// <summary>
/// <c>tmssw posts add --title T --file BODY.md [--summary S] [--tag T]... [--publish | --at TIME]</c> (prints the new
/// id), <c>tmssw posts publish ID [--at TIME]</c>, <c>tmssw posts list [--json]</c>: "Latest Conversations"
/// from the command line, as an administrator (audited as "tmssw posts"). A tag is a theme code or name,
/// or an edition's year. Exit 1 when the post is refused (each problem on stderr, naming the field), 2
/// when the database or the body file cannot be opened.
/// </summary>
internal static class PostsCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private static readonly UserScope Operator = UserScope.Admin("tmssw posts");

    /// <summary>A body file larger than this cannot hold a post (<see cref="Post.BodyMax"/> characters of UTF-8).</summary>
    private const long MaxBodyFileBytes = Post.BodyMax * 4L;

    public static Command Create(CliConsole console)
    {
        var posts = new Command("posts", "Write, publish and list the \"Latest Conversations\" posts.");
        posts.Subcommands.Add(Add(console));
        posts.Subcommands.Add(Publish(console));
        posts.Subcommands.Add(List(console));
        return posts;
    }

    private static Option<string?> At() => new("--at")
    {
        Description = "Publish at this instant instead of now (ISO 8601, e.g. 2026-05-01T09:00Z; without an offset, UTC). The post appears from then on.",
    };

    private static Command Add(CliConsole console)
    {
        var title = new Option<string>("--title") { Description = "The post's title.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "A UTF-8 Markdown file with the post's text.", Required = true };
        var summary = new Option<string?>("--summary") { Description = "A one-sentence summary for the list and the feed." };
        var tags = new Option<string[]>("--tag")
        {
            Description = "A theme (code or name, e.g. narcotics) or an edition's year (e.g. 2024); repeat for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        var publish = new Option<bool>("--publish") { Description = "Publish at once (else the post is a draft)." };
        var at = At();
        var add = new Command("add", "Add a post (a draft unless --publish or --at) and print its id.");
        foreach (var option in new Option[] { title, file, summary, tags, publish, at })
        {
            add.Options.Add(option);
        }

        add.SetAction(async (parse, ct) =>
        {
            var body = await ReadBodyAsync(parse.GetValue(file)!, ct);
            var when = ParseAt(parse.GetValue(at));
            var themes = new List<string>();
            int? year = null;
            foreach (var tag in parse.GetValue(tags) ?? [])
            {
                if (int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                {
                    if (year is not null && year != y)
                    {
                        throw new CliException($"--tag: a post has one edition; {year} and {y} were given.");
                    }

                    year = y;
                }
                else
                {
                    themes.Add(tag);
                }
            }

            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var outcome = await scope.ServiceProvider.GetRequiredService<SavePost>()
                .RunAsync(Operator, null, new PostInput(parse.GetValue(title), parse.GetValue(summary), body, themes, year), ct);
            if (!outcome.Succeeded)
            {
                foreach (var error in outcome.Errors)
                {
                    await console.Error.WriteLineAsync($"error: {OptionOf(error.Field)}: {error.Message}");
                }

                return 1;
            }

            var id = outcome.PostId!.Value;
            if (parse.GetValue(publish) || when is not null)
            {
                var result = await scope.ServiceProvider.GetRequiredService<PublishPost>().RunAsync(Operator, id, when, ct);
                if (!result.Succeeded)
                {
                    await console.Error.WriteLineAsync($"error: post #{id} was saved as a draft but not published: {result.Error}");
                    await console.Out.WriteLineAsync(id.ToString(CultureInfo.InvariantCulture));
                    return 1;
                }
            }

            await console.Out.WriteLineAsync(id.ToString(CultureInfo.InvariantCulture));
            return 0;
        });
        return add;
    }

    private static Command Publish(CliConsole console)
    {
        var id = new Argument<int>("ID") { Description = "The post's number (see `tmssw posts list`)." };
        var at = At();
        var publish = new Command("publish", "Publish a draft now, or at --at.");
        publish.Arguments.Add(id);
        publish.Options.Add(at);
        publish.SetAction(async (parse, ct) =>
        {
            var when = ParseAt(parse.GetValue(at));
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            Core.Result result;
            try
            {
                result = await scope.ServiceProvider.GetRequiredService<PublishPost>().RunAsync(Operator, parse.GetValue(id), when, ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException($"there is no post #{parse.GetValue(id)}.");
            }

            if (!result.Succeeded)
            {
                throw new CliException($"post #{parse.GetValue(id)}: {result.Error}");
            }

            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await console.Out.WriteLineAsync(when is { } w && w > clock.GetUtcNow()
                ? string.Create(CultureInfo.InvariantCulture, $"Post #{parse.GetValue(id)} scheduled for {w.UtcDateTime:yyyy-MM-dd HH:mm} UTC.")
                : $"Post #{parse.GetValue(id)} published.");
            return 0;
        });
        return publish;
    }

    private static Command List(CliConsole console)
    {
        var list = new Command("list", "List every post: drafts, then scheduled, then published.");
        list.Options.Add(CliOptions.Json);
        list.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var items = await scope.ServiceProvider.GetRequiredService<ListManagedPosts>().RunAsync(Operator, ct);
            if (parse.GetValue(CliOptions.Json))
            {
                var json = items.Select(p => new
                {
                    id = p.Id,
                    slug = p.Slug,
                    title = p.Title,
                    state = p.State.ToString().ToLowerInvariant(),
                    publishedAt = p.State == PostState.Draft ? (DateTimeOffset?)null : p.PublishedAt,
                    updatedAt = p.UpdatedAt,
                    edition = p.EditionYear,
                    themes = p.Themes,
                });
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(json, JsonOptions));
                return 0;
            }

            foreach (var p in items)
            {
                var when = p.State == PostState.Draft ? "" : p.PublishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"#{p.Id,-5} {p.State.ToString().ToLowerInvariant(),-9} {when,-16}  {p.EditionYear?.ToString(CultureInfo.InvariantCulture) ?? "-",-4}  {p.Title}"));
            }

            return 0;
        });
        return list;
    }

    private static async Task<string> ReadBodyAsync(FileInfo file, CancellationToken ct)
    {
        if (!file.Exists)
        {
            throw new CliException($"--file: cannot open {file.FullName}: no such file.", 2);
        }

        if (file.Length > MaxBodyFileBytes)
        {
            throw new CliException($"--file: {file.Name} has {file.Length:N0} bytes; a post's text has at most {Post.BodyMax:N0} characters.");
        }

        try
        {
            return await File.ReadAllTextAsync(file.FullName, new UTF8Encoding(false, throwOnInvalidBytes: true), ct);
        }
        catch (DecoderFallbackException)
        {
            throw new CliException($"--file: {file.Name} is not UTF-8 text.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"--file: cannot open {file.FullName}: {e.Message}", 2);
        }
    }

    private static DateTimeOffset? ParseAt(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : throw new CliException($"--at: \"{text}\" is not a date and time (e.g. 2026-05-01T09:00Z).");
    }

    private static string OptionOf(string field) => field switch
    {
        "Title" => "--title",
        "Summary" => "--summary",
        "Body" => "--file",
        _ => "--tag",
    };
}
