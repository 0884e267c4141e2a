using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;

namespace Tmssw.Core.Itineraries;

/// <summary>A flight as a staff form gives it: departure local at the origin airport, arrival local at the destination.</summary>
public sealed record TravelLegInput(
    PhaseKind Phase,
    string Carrier,
    string FlightNumber,
    string FromAirport,
    string ToAirport,
    DateTime Departure,
    DateTime Arrival,
    AudienceInput Audience,
    string? Notes = null);

/// <summary>Staff create, change, cancel and restore a travel leg; every saved change raises its SEQUENCE and is audited.</summary>
public sealed class SaveTravelLeg(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<(TravelLeg? Leg, Result Result)> SaveAsync(UserScope scope, int year, int? id, TravelLegInput input, CancellationToken ct = default)
    {
        var editionId = await ProgramEditing.EditionIdAsync(db, scope, year, ct);
        var leg = id is { } existing
            ? await db.TravelLegs.FirstOrDefaultAsync(i => i.Id == existing && i.EditionId == editionId, ct) ?? throw new OutOfScopeException($"travel leg #{existing}")
            : new TravelLeg { EditionId = editionId };
        var before = id is null ? null : Snapshot(leg);

        var from = Airports.Find(input.FromAirport);
        var to = Airports.Find(input.ToAirport);
        if (from is null || to is null)
        {
            return (null, Result.Fail($"Use airport codes the program knows: {string.Join(", ", Airports.All.Select(a => a.Code))}."));
        }

        if (from.Code == to.Code)
        {
            return (null, Result.Fail("A leg goes from one airport to another."));
        }

        var carrier = input.Carrier?.Trim() ?? "";
        var flight = input.FlightNumber?.Trim().ToUpperInvariant() ?? "";
        if (carrier.Length is 0 or > 100 || flight.Length is 0 or > 20)
        {
            return (null, Result.Fail("Name the carrier (up to 100 characters) and the flight number (up to 20)."));
        }

        var departs = CityTimeOf(input.Departure, from.TimeZone);
        var arrives = CityTimeOf(input.Arrival, to.TimeZone);
        if (arrives <= departs)
        {
            return (null, Result.Fail($"The flight must land after it leaves (both times are local: {from.Code} in {from.TimeZone}, {to.Code} in {to.TimeZone})."));
        }

        if (arrives - departs > TimeSpan.FromHours(20))
        {
            return (null, Result.Fail("A leg of more than 20 hours is not plausible; check the dates."));
        }

        if (await ProgramEditing.ApplyAudienceAsync(db, editionId, leg, input.Audience, ct) is { } audienceError)
        {
            return (null, Result.Fail(audienceError));
        }

        leg.Phase = input.Phase;
        leg.Carrier = carrier;
        leg.FlightNumber = flight;
        leg.FromAirport = from.Code;
        leg.ToAirport = to.Code;
        leg.Departure = DateTime.SpecifyKind(input.Departure, DateTimeKind.Unspecified);
        leg.Arrival = DateTime.SpecifyKind(input.Arrival, DateTimeKind.Unspecified);
        leg.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
        if (id is null)
        {
            db.TravelLegs.Add(leg);
        }

        ProgramEditing.Finish(audit, scope, leg, "TravelLeg", before, Snapshot(leg), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return (leg, Result.Ok);
    }

    public async Task<Result> CancelAsync(UserScope scope, int year, int id, bool cancelled = true, CancellationToken ct = default)
    {
        var editionId = await ProgramEditing.EditionIdAsync(db, scope, year, ct);
        var leg = await db.TravelLegs.FirstOrDefaultAsync(i => i.Id == id && i.EditionId == editionId, ct) ?? throw new OutOfScopeException($"travel leg #{id}");
        if (leg.Cancelled == cancelled)
        {
            return Result.Fail(cancelled ? "The leg is already cancelled." : "The leg is not cancelled.");
        }

        var before = Snapshot(leg);
        leg.Cancelled = cancelled;
        ProgramEditing.Finish(audit, scope, leg, "TravelLeg", before, Snapshot(leg), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Ok;
    }

    private static DateTimeOffset CityTimeOf(DateTime local, string zoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    private static Dictionary<string, string?> Snapshot(TravelLeg l)
    {
        var s = ProgramEditing.Common(l);
        s["flight"] = $"{l.Carrier} {l.FlightNumber}";
        s["from"] = l.FromAirport;
        s["to"] = l.ToAirport;
        s["departure"] = l.Departure.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        s["arrival"] = l.Arrival.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        s["notes"] = l.Notes;
        return s;
    }
}
