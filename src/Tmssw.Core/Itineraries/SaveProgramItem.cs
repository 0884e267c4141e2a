using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Itineraries;

/// <summary>A session, site visit or other program item as a staff form gives it (local times in <see cref="TimeZone"/>).</summary>
public sealed record ProgramItemInput(
    PhaseKind Phase,
    ItineraryEntryKind Kind,
    string Title,
    DateTime Start,
    DateTime End,
    string TimeZone,
    AudienceInput Audience,
    string? CityId = null,
    string? VenueName = null,
    string? Address = null,
    double? Latitude = null,
    double? Longitude = null,
    string? HostName = null,
    string? Description = null,
    IReadOnlyList<int>? Objectives = null);

/// <summary>
/// Staff create and change a program item, or cancel and restore it (a cancelled item stays, so
/// calendars show it as cancelled). Every saved change raises its SEQUENCE and is audited.
/// </summary>
public sealed class SaveProgramItem(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(ProgramItem? Item, Result Result)> SaveAsync(UserScope scope, int year, int? id, ProgramItemInput input, CancellationToken ct = default)
    {
        var editionId = await ProgramEditing.EditionIdAsync(db, scope, year, ct);
        var item = id is { } existing
            ? await db.ProgramItems.FirstOrDefaultAsync(i => i.Id == existing && i.EditionId == editionId, ct) ?? throw new OutOfScopeException($"program item #{existing}")
            : new ProgramItem { EditionId = editionId };
        var before = id is null ? null : Snapshot(item);

        var title = input.Title?.Trim() ?? "";
        if (title.Length is 0 or > 300)
        {
            return (null, Result.Fail("Give the item a title (up to 300 characters)."));
        }

        if (input.End <= input.Start)
        {
            return (null, Result.Fail("The item must end after it starts."));
        }

        var cityId = string.IsNullOrWhiteSpace(input.CityId) ? null : input.CityId.Trim().ToLowerInvariant();
        var city = cityId is null ? null : CityCatalog.All.FirstOrDefault(c => c.Id == cityId);
        if (cityId is not null && city is null)
        {
            return (null, Result.Fail($"'{cityId}' is not a known city."));
        }

        var zone = string.IsNullOrWhiteSpace(input.TimeZone) ? city?.TimeZone ?? "" : input.TimeZone.Trim();
        if (ProgramEditing.CheckZone(zone) is { } zoneError)
        {
            return (null, Result.Fail(zoneError));
        }

        if (input.Latitude is { } lat && (lat < -90 || lat > 90) || input.Longitude is { } lon && (lon < -180 || lon > 180))
        {
            return (null, Result.Fail("Latitude is between -90 and 90, longitude between -180 and 180."));
        }

        if (input.Objectives is { Count: > 0 } wanted)
        {
            var known = await db.Objectives.Where(o => o.EditionId == editionId).Select(o => o.Number).ToListAsync(ct);
            var unknown = wanted.Where(n => !known.Contains(n)).ToList();
            if (unknown.Count > 0)
            {
                return (null, Result.Fail($"Objectives served: {string.Join(", ", unknown)} is not one of the edition's objectives ({string.Join(", ", known.Order())})."));
            }
        }

        if (await ProgramEditing.ApplyAudienceAsync(db, editionId, item, input.Audience, ct) is { } audienceError)
        {
            return (null, Result.Fail(audienceError));
        }

        item.Phase = input.Phase;
        item.Kind = input.Kind;
        item.Title = title;
        item.Start = DateTime.SpecifyKind(input.Start, DateTimeKind.Unspecified);
        item.End = DateTime.SpecifyKind(input.End, DateTimeKind.Unspecified);
        item.TimeZone = zone;
        item.CityId = cityId;
        item.VenueName = Clean(input.VenueName);
        item.Address = Clean(input.Address);
        item.Latitude = input.Latitude ?? (input.Longitude is null ? city?.Latitude : null);
        item.Longitude = input.Longitude ?? (input.Latitude is null ? city?.Longitude : null);
        item.HostName = Clean(input.HostName);
        item.Description = Clean(input.Description);
        if (input.Objectives is not null)
        {
            item.Objectives = [.. input.Objectives.Distinct().Order()];
        }

        if (id is null)
        {
            db.ProgramItems.Add(item);
        }

        ProgramEditing.Finish(audit, scope, item, "ProgramItem", before, Snapshot(item), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (item, Result.Ok);
    }

    /// <summary>Cancels (or restores) the item; it stays in every itinerary, marked.</summary>
    public async Task<Result> CancelAsync(UserScope scope, int year, int id, bool cancelled = true, CancellationToken ct = default)
    {
        var editionId = await ProgramEditing.EditionIdAsync(db, scope, year, ct);
        var item = await db.ProgramItems.FirstOrDefaultAsync(i => i.Id == id && i.EditionId == editionId, ct) ?? throw new OutOfScopeException($"program item #{id}");
        if (item.Cancelled == cancelled)
        {
            return Result.Fail(cancelled ? "The item is already cancelled." : "The item is not cancelled.");
        }

        var before = Snapshot(item);
        item.Cancelled = cancelled;
        ProgramEditing.Finish(audit, scope, item, "ProgramItem", before, Snapshot(item), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private static Dictionary<string, string?> Snapshot(ProgramItem i)
    {
        var s = ProgramEditing.Common(i);
        s["kind"] = i.Kind.ToString();
        s["title"] = i.Title;
        s["start"] = i.Start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        s["end"] = i.End.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        s["timeZone"] = i.TimeZone;
        s["city"] = i.CityId;
        s["venue"] = i.VenueName;
        s["address"] = i.Address;
        s["geo"] = i.Latitude is null ? null : string.Create(CultureInfo.InvariantCulture, $"{i.Latitude};{i.Longitude}");
        s["host"] = i.HostName;
        s["objectives"] = string.Join(";", i.Objectives);
        s["description"] = i.Description;
        return s;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
