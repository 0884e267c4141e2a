using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Tmssw.Core.Accounts;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;
using Tmssw.Web.Security;

namespace Tmssw.Web.Api;

/// <summary>Query filters of the participant list.</summary>
public sealed class ParticipantQuery
{
    /// <summary>Text searched in the name, agency and position.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; set; }

    /// <summary>Nominated, Vetted, Confirmed, Traveling, Completed, Withdrawn or Declined.</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code or name.</summary>
    [FromQuery(Name = "country")]
    public string? Country { get; set; }

    /// <summary>UN M49 sub-region, as in the participant's region field.</summary>
    [FromQuery(Name = "region")]
    public string? Region { get; set; }

    /// <summary>A theme code such as narcotics.</summary>
    [FromQuery(Name = "theme")]
    public string? Theme { get; set; }

    [FromQuery(Name = "groupId")]
    public int? GroupId { get; set; }

    /// <summary>name (default), -name, country, status or updated.</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; set; }

    [FromQuery(Name = "page")]
    public int? Page { get; set; }

    /// <summary>1 to 200; 50 by default.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; set; }
}

public sealed record ParticipantRowDto(
    int Id,
    string GivenName,
    string FamilyName,
    string Country,
    string Region,
    string Sector,
    string Agency,
    string Position,
    NominationStatus Status,
    int? GroupId,
    IReadOnlyList<string> Themes,
    string? InterpretationLanguage);

public sealed record ParticipantListDto(int Year, IReadOnlyList<ParticipantRowDto> Items, int Total, int Page, int PageSize, int Pages);

public sealed record StatusChangeDto(NominationStatus From, NominationStatus To, string ChangedBy, string? Reason, DateTimeOffset ChangedAt);

/// <summary>
/// A participant without sensitive fields (passport, date of birth, personal contacts), which the API
/// never returns. <see cref="History"/> names the staff who changed the status, so it is left out
/// (null, not serialized) for Hosts and Interpreters.
/// </summary>
public sealed record ParticipantDto(
    int Id,
    int Year,
    string GivenName,
    string FamilyName,
    string Country,
    string Region,
    string Gender,
    string Sector,
    string Agency,
    string Position,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Languages,
    string? InterpretationLanguage,
    string? DietaryNeeds,
    string? AccessibilityNeeds,
    NominationStatus Status,
    IReadOnlyList<NominationStatus> NextStatuses,
    int? GroupId,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyList<StatusChangeDto>? History)
{
    /// <summary>Send it back with a PUT: a save made since answers 409 instead of being overwritten.</summary>
    public int Version { get; init; }
}

/// <summary>
/// A participant as written by a program. Sensitive fields are write-only: a blank or missing value
/// keeps what is stored; they are never returned.
/// </summary>
public sealed record ParticipantBody(
    string? GivenName,
    string? FamilyName,
    string? Country,
    string? Gender,
    string? Sector,
    string? Agency,
    string? Position,
    IReadOnlyList<string>? Themes,
    IReadOnlyList<string>? Languages,
    string? InterpretationLanguage = null,
    string? DietaryNeeds = null,
    string? AccessibilityNeeds = null,
    string? PassportNumber = null,
    string? DateOfBirth = null,
    string? PersonalEmail = null,
    string? PersonalPhone = null,
    int? Version = null)
{
    public ParticipantInput ToInput() => new()
    {
        GivenName = GivenName ?? "",
        FamilyName = FamilyName ?? "",
        Country = Country ?? "",
        Gender = Gender ?? "",
        Sector = Sector ?? "",
        Agency = Agency ?? "",
        Position = Position ?? "",
        Themes = string.Join(",", Themes ?? []),
        Languages = string.Join(",", Languages ?? []),
        InterpretationLanguage = InterpretationLanguage,
        DietaryNeeds = DietaryNeeds,
        AccessibilityNeeds = AccessibilityNeeds,
        PassportNumber = PassportNumber,
        DateOfBirth = DateOfBirth,
        PersonalEmail = PersonalEmail,
        PersonalPhone = PersonalPhone,
        Version = Version,
    };
}

public sealed record StatusBody(string? Status, string? Reason);

/// <summary>Participants, always within the caller's scope; another scope's participant is a 404.</summary>
public static class ParticipantsApi
{
    private static readonly string[] Sorts = ["name", "-name", "country", "status", "updated"];

    public static RouteGroupBuilder MapParticipantsApi(this RouteGroupBuilder v1)
    {
        var participants = v1.MapGroup("").WithTags("Participants");
        var inEdition = v1.MapEditionGroup("Participants");
        inEdition.MapGet("/participants", ListAsync)
            .Protected(Policies.Rosters)
            .WithName("ListParticipants")
            .WithSummary("Search an edition's participants")
            .WithDescription("Filters, sorts and pages the participants the caller may see: Admins all, Staff their editions', a Nominator their country's, a Host the participants of its city's group, an Interpreter their group's. Participant accounts are refused (403).");
        participants.MapGet("/participants/{id:int}", GetAsync)
            .Protected(Policies.Rosters)
            .WithName("GetParticipant")
            .WithSummary("One participant")
            .WithDescription("A participant within the caller's scope (404 otherwise). Sensitive fields are never returned; for Hosts and Interpreters the status history, which names staff, is left out.");
        inEdition.MapPost("/participants", CreateAsync)
            .Protected(Policies.Nominations)
            .WithName("CreateParticipant")
            .WithSummary("Nominate a participant")
            .WithDescription("Creates a participant in Nominated status. A Nominator may nominate their own country only. Invalid fields give a 400 problem whose errors are keyed by the JSON field name.");
        participants.MapPut("/participants/{id:int}", UpdateAsync)
            .Protected(Policies.Nominations)
            .WithName("UpdateParticipant")
            .WithSummary("Edit a participant")
            .WithDescription("Replaces a participant's fields (sensitive fields left blank keep their stored value). A Nominator edits their country's participants while they are Nominated; Staff edit any of their editions'.");
        participants.MapPost("/participants/{id:int}/status", ChangeStatusAsync)
            .Protected(Policies.Staff)
            .WithName("ChangeParticipantStatus")
            .WithSummary("Move a nomination along its lifecycle")
            .WithDescription("Nominated → Vetted → Confirmed → Traveling → Completed, or Withdrawn / Declined (with a reason) before Completed. A move the lifecycle refuses is a 400 problem that says which moves are allowed.");
        return v1;
    }

    private static async Task<Results<Ok<ParticipantListDto>, NotFound, ValidationProblem>> ListAsync(
        int year, [AsParameters] ParticipantQuery query, HttpContext http, CurrentUser current, SearchParticipants search, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var edition = TmsswApi.EditionOf(http);

        var errors = new Dictionary<string, string[]>();
        NominationStatus? status = null;
        if (!string.IsNullOrWhiteSpace(query.Status))
        {
            if (Enum.TryParse<NominationStatus>(query.Status.Trim(), ignoreCase: true, out var s) && Enum.IsDefined(s) && !int.TryParse(query.Status, out _))
            {
                status = s;
            }
            else
            {
                errors["status"] = [$"Unknown status '{query.Status}'; use one of {string.Join(", ", Enum.GetNames<NominationStatus>())}."];
            }
        }

        string? country = null;
        if (!string.IsNullOrWhiteSpace(query.Country))
        {
            country = Countries.Resolve(query.Country)?.Alpha2;
            if (country is null)
            {
                errors["country"] = [$"'{query.Country}' is not a country we know; use an ISO 3166-1 code such as MX."];
            }
        }

        string? theme = null;
        if (!string.IsNullOrWhiteSpace(query.Theme))
        {
            theme = Themes.Resolve(query.Theme)?.Code;
            if (theme is null)
            {
                errors["theme"] = [$"Unknown theme '{query.Theme}'; use one of {string.Join(", ", Themes.All.Select(t => t.Code))}."];
            }
        }

        var sort = string.IsNullOrWhiteSpace(query.Sort) ? "name" : query.Sort.Trim();
        if (!Sorts.Contains(sort))
        {
            errors["sort"] = [$"Sort by one of {string.Join(", ", Sorts)}."];
        }

        if (query.Page is < 1)
        {
            errors["page"] = ["Pages start at 1."];
        }

        if (query.PageSize is < 1 or > SearchParticipants.MaxPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {SearchParticipants.MaxPageSize} participants."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var filter = new ParticipantFilter(query.Q, status, country, query.Region?.Trim(), theme, query.GroupId, sort, query.Page ?? 1, query.PageSize ?? 50);
        var page = await search.RunAsync(scope, edition.Id, filter, cancellationToken);
        var items = page.Rows.Select(r => new ParticipantRowDto(
            r.Id, r.GivenName, r.FamilyName, r.Country, r.Region, r.Sector, r.Agency, r.Position, r.Status, r.GroupId, r.Themes, r.InterpretationLanguage)).ToList();
        return TypedResults.Ok(new ParticipantListDto(year, items, page.Total, page.Page, page.PageSize, page.Pages));
    }

    private static async Task<Results<Ok<ParticipantDto>, NotFound>> GetAsync(
        int id, CurrentUser current, GetParticipant getParticipant, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var dto = await LoadAsync(getParticipant, scope, id, cancellationToken);
        return dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
    }

    private static async Task<Results<Created<ParticipantDto>, NotFound, ValidationProblem>> CreateAsync(
        int year, ParticipantBody body, HttpContext http, CurrentUser current, GetParticipant getParticipant, SaveParticipant save, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var edition = TmsswApi.EditionOf(http);

        var outcome = await save.RunAsync(scope, edition.Id, null, body.ToInput(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return TypedResults.ValidationProblem(TmsswApi.Errors(outcome.Errors), title: "The participant was not saved.");
        }

        var dto = await LoadAsync(getParticipant, scope, outcome.Id!.Value, cancellationToken);
        return TypedResults.Created($"{TmsswApi.Prefix}/participants/{outcome.Id}", dto);
    }

    private static async Task<Results<Ok<ParticipantDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        int id, ParticipantBody body, CurrentUser current, GetParticipant getParticipant, SaveParticipant save, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var existing = (await getParticipant.RunAsync(scope, id, cancellationToken: cancellationToken))?.Participant;
        if (existing is null)
        {
            return TypedResults.NotFound();
        }

        if (!scope.MayEdit(existing))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "This nomination can no longer be edited by you.",
                detail: $"The nomination is {existing.Status}; once it is no longer Nominated only the Staff running the edition can change it.");
        }

        var outcome = await save.RunAsync(scope, existing.EditionId, id, body.ToInput(), cancellationToken);
        if (outcome.NotFound)
        {
            return TypedResults.NotFound();
        }

        if (outcome.Conflict is { } conflict)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Someone else saved this participant first; nothing was saved.",
                detail: $"You sent version {body.Version}; version {conflict.StoredVersion} was saved by {conflict.ChangedBy ?? "someone"} at {conflict.ChangedAt:u}. GET the participant, apply your change to it and PUT it with \"version\": {conflict.StoredVersion}.",
                extensions: new Dictionary<string, object?> { ["currentVersion"] = conflict.StoredVersion });
        }

        if (!outcome.Succeeded)
        {
            return TypedResults.ValidationProblem(TmsswApi.Errors(outcome.Errors), title: "The participant was not saved.");
        }

        return TypedResults.Ok((await LoadAsync(getParticipant, scope, id, cancellationToken))!);
    }

    private static async Task<Results<Ok<ParticipantDto>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        int id, StatusBody body, CurrentUser current, GetParticipant getParticipant, ChangeStatuses change, CancellationToken cancellationToken)
    {
        var scope = await current.RequireAsync(cancellationToken);
        var existing = (await getParticipant.RunAsync(scope, id, cancellationToken: cancellationToken))?.Participant;
        if (existing is null || !scope.RunsEdition(existing.EditionId))
        {
            return TypedResults.NotFound();
        }

        if (string.IsNullOrWhiteSpace(body.Status) || int.TryParse(body.Status, out _)
            || !Enum.TryParse<NominationStatus>(body.Status.Trim(), ignoreCase: true, out var to) || !Enum.IsDefined(to))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["status"] = [$"Give the new status: one of {string.Join(", ", Enum.GetNames<NominationStatus>())}."],
            });
        }

        var result = await change.RunAsync(scope, new StatusChangeRequest([id], to, body.Reason), cancellationToken);
        if (!result.Succeeded)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The status was not changed.", detail: result.Errors[0].Message);
        }

        return TypedResults.Ok((await LoadAsync(getParticipant, scope, id, cancellationToken))!);
    }

    private static async Task<ParticipantDto?> LoadAsync(GetParticipant getParticipant, UserScope scope, int id, CancellationToken cancellationToken)
    {
        if (await getParticipant.RunAsync(scope, id, cancellationToken: cancellationToken) is not { } shown)
        {
            return null;
        }

        var (p, year, _) = shown;
        var history = scope.MaySeeHistory(p)
            ? p.History.OrderBy(h => h.ChangedAt).ThenBy(h => h.Id).Select(h => new StatusChangeDto(h.From, h.To, h.ChangedBy, h.Reason, h.ChangedAt)).ToList()
            : null;
        return new ParticipantDto(
            p.Id,
            year,
            p.GivenName,
            p.FamilyName,
            p.Country,
            p.Region,
            p.Gender,
            p.Sector,
            p.Agency,
            p.Position,
            p.Themes,
            p.Languages,
            p.InterpretationLanguage,
            p.DietaryNeeds,
            p.AccessibilityNeeds,
            p.Status,
            scope.RunsEdition(p.EditionId) ? NominationLifecycle.NextFrom(p.Status) : [],
            p.GroupId,
            p.CreatedAt,
            p.UpdatedAt,
            history) { Version = p.Version };
    }
}
