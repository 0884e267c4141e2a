using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Itineraries;

/// <summary>A hotel stay as a staff form gives it.</summary>
public sealed record LodgingInput(
    PhaseKind Phase,
    string HotelName,
    string CityId,
    DateOnly CheckIn,
    DateOnly CheckOut,
    AudienceInput Audience,
    string? Address = null,
    double? Latitude = null,
    double? Longitude = null,
    string? Phone = null);

/// <summary>Staff create, change, cancel and restore a hotel stay; every saved change raises its SEQUENCE and is audited.</summary>
public sealed class SaveLodging(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(Lodging? Lodging, Result Result)> SaveAsync(UserScope scope, int year, int? id, LodgingInput input, CancellationToken ct = default)
    {
        var editionId = await ProgramEditing.EditionIdAsync(db, scope, year, ct);
        var stay = id is { } existing
            ? await db.Lodgings.FirstOrDefaultAsync(i => i.Id == existing && i.EditionId == editionId, ct) ?? throw new OutOfScopeException($"lodging #{existing}")
            : new Lodging { EditionId = editionId };
        var before = id is null ? null : Snapshot(stay);
        var previousGroupId = stay.GroupId;

        var hotel = input.HotelName?.Trim() ?? "";
        if (hotel.Length is 0 or > 300)
        {
            return (null, Result.Fail("Name the hotel (up to 300 characters)."));
        }

        var city = CityCatalog.All.FirstOrDefault(c => c.Id == input.CityId?.Trim().ToLowerInvariant());
        if (city is null)
        {
            return (null, Result.Fail("Choose the hotel's city."));
        }

        if (input.CheckOut <= input.CheckIn)
        {
            return (null, Result.Fail("Check-out must be after check-in."));
        }

        if (await ProgramEditing.ApplyAudienceAsync(db, editionId, stay, input.Audience, ct) is { } audienceError)
        {
            return (null, Result.Fail(audienceError));
        }

        stay.Phase = input.Phase;
        stay.HotelName = hotel;
        stay.CityId = city.Id;
        stay.TimeZone = city.TimeZone;
        stay.CheckIn = input.CheckIn;
        stay.CheckOut = input.CheckOut;
        stay.Address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        stay.Latitude = input.Latitude;
        stay.Longitude = input.Longitude;
        stay.Phone = string.IsNullOrWhiteSpace(input.Phone) ? null : input.Phone.Trim();
        if (id is null)
        {
            db.Lodgings.Add(stay);
        }

        ProgramEditing.Finish(audit, scope, stay, "Lodging", before, Snapshot(stay), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await Partners.Countdown.FollowGroupDatesAsync(db, [previousGroupId, stay.GroupId], ct);
        return (stay, Result.Ok);
    }

    public async Task<Result> CancelAsync(UserScope scope, int year, int id, bool cancelled = true, CancellationToken ct = default)
    {
        var editionId = await ProgramEditing.EditionIdAsync(db, scope, year, ct);
        var stay = await db.Lodgings.FirstOrDefaultAsync(i => i.Id == id && i.EditionId == editionId, ct) ?? throw new OutOfScopeException($"lodging #{id}");
        if (stay.Cancelled == cancelled)
        {
            return Result.Fail(cancelled ? "The stay is already cancelled." : "The stay is not cancelled.");
        }

        var before = Snapshot(stay);
        stay.Cancelled = cancelled;
        ProgramEditing.Finish(audit, scope, stay, "Lodging", before, Snapshot(stay), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await Partners.Countdown.FollowGroupDatesAsync(db, [stay.GroupId], ct);
        return Result.Ok;
    }

    private static Dictionary<string, string?> Snapshot(Lodging l)
    {
        var s = ProgramEditing.Common(l);
        s["hotel"] = l.HotelName;
        s["city"] = l.CityId;
        s["checkIn"] = l.CheckIn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        s["checkOut"] = l.CheckOut.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        s["address"] = l.Address;
        s["geo"] = l.Latitude is null ? null : string.Create(CultureInfo.InvariantCulture, $"{l.Latitude};{l.Longitude}");
        s["phone"] = l.Phone;
        return s;
    }
}
