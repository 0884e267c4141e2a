using Microsoft.AspNetCore.Http.HttpResults;
using Tmssw.Core.Splits;
using Tmssw.Web.Security;

namespace Tmssw.Web.Api;

/// <summary>A city-split group; <see cref="Participants"/> counts only the members the caller may see.</summary>
public sealed record GroupDto(int Id, string CityId, string Name, IReadOnlyList<string> InterpretationLanguages, string? InterpreterName, int Participants);

/// <summary>An edition's city-split groups, within the caller's scope.</summary>
public static class GroupsApi
{
    public static RouteGroupBuilder MapGroupsApi(this RouteGroupBuilder v1)
    {
        v1.MapEditionGroup("Groups").MapGet("/groups", ListAsync)
            .Protected(Policies.Rosters)
            .WithTags("Groups")
            .WithName("ListGroups")
            .WithSummary("An edition's city-split groups")
            .WithDescription("Admins and the edition's Staff see every group; a Host the group of its city; an Interpreter their own group; a Nominator the groups their country's participants are in.");
        return v1;
    }

    private static async Task<Results<Ok<List<GroupDto>>, NotFound>> ListAsync(
        int year, HttpContext http, CurrentUser current, ListGroups list, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var rows = await list.RunAsync(scope, TmsswApi.EditionOf(http).Id, cancellationToken);
        return TypedResults.Ok(rows.Select(r => new GroupDto(r.Group.Id, r.Group.CityId, r.Group.Name, r.Group.InterpretationLanguages, r.Group.InterpreterName, r.Participants)).ToList());
    }
}
