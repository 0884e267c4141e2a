using Microsoft.AspNetCore.Http.HttpResults;
using Tmssw.Core.Alumni;
using Tmssw.Web.Security;

namespace Tmssw.Web.Api;

/// <summary>One alumnus in the directory: fields they do not share are null.</summary>
public sealed record AlumnusDto(int Id, string Name, string? Country, string? Region, string? Agency, string? Position, IReadOnlyList<string>? Themes, int? Edition, string? CityGroup);

/// <summary>A thread the caller may read: its TLP label as TLP 2.0 writes it ("TLP:AMBER+STRICT").</summary>
public sealed record ThreadDto(int Id, string Title, string Theme, string Tlp, string Author, DateTimeOffset CreatedAt, int Replies, bool Hidden);

/// <summary>The alumni directory (signed-in alumni and staff) and the knowledge exchange's threads (each caller sees what TLP lets them read).</summary>
public static class AlumniApi
{
    public static RouteGroupBuilder MapAlumniApi(this RouteGroupBuilder v1)
    {
        var alumni = v1.MapGroup("/alumni").WithTags("Alumni");
        alumni.MapGet("", ListAlumniAsync)
            .Protected(Policies.Alumni)
            .WithName("ListAlumni")
            .WithSummary("The alumni directory")
            .WithDescription("Alumni who share their name, each with only the fields they chose to share (others null); filters ?theme=, ?region= (UN M49 sub-region) and ?edition= match shared fields only. A participant who is not an alumnus gets a 404. A withdrawn field is gone from the next answer.");
        alumni.MapGet("/threads", ListThreadsAsync)
            .AllowAnonymous()
            .WithName("ListAlumniThreads")
            .WithSummary("Knowledge exchange threads")
            .WithDescription("The threads the caller may read under their TLP label (anonymous: TLP:CLEAR only), newest activity first, optionally of one theme (?theme=). Titles only; read a thread on its page.");
        return v1;
    }

    private static async Task<Ok<List<AlumnusDto>>> ListAlumniAsync(
        string? theme, string? region, int? edition, CurrentUser current, BrowseAlumniDirectory browse, CancellationToken cancellationToken)
    {
        var directory = await browse.RunAsync(await current.RequireAsync(cancellationToken), new AlumniFilter(theme, region, edition), cancellationToken);
        return TypedResults.Ok(directory.Entries.Select(e => new AlumnusDto(e.ParticipantId, e.Name, e.Country, e.Region, e.Agency, e.Position, e.Themes, e.Edition, e.CityGroup)).ToList());
    }

    private static async Task<Ok<List<ThreadDto>>> ListThreadsAsync(string? theme, CurrentUser current, ListThreads list, CancellationToken cancellationToken)
    {
        var threads = await list.RunAsync(await current.GetAsync(cancellationToken), theme, cancellationToken);
        return TypedResults.Ok(threads.Select(t => new ThreadDto(t.Id, t.Title, t.Theme, AlumniRules.Label(t.Tlp), t.AuthorName, t.CreatedAt, t.Replies, t.Hidden)).ToList());
    }
}
