using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
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
        int year, HttpContext http, CurrentUser current, TmsswDbContext db, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var edition = TmsswApi.EditionOf(http);
        var visible = scope.Participants(db).Where(p => p.EditionId == edition.Id);
        var rows = await scope.Groups(db, edition.Id).OrderBy(g => g.Name)
            .Select(g => new { Group = g, Count = visible.Count(p => p.GroupId == g.Id) })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new GroupDto(r.Group.Id, r.Group.CityId, r.Group.Name, r.Group.InterpretationLanguages, r.Group.InterpreterName, r.Count)).ToList());
    }
}
