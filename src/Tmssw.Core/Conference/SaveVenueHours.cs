using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>
/// Staff set when the venue opens and closes on a conference day (local times), or remove the day
/// (<c>remove</c>). Sessions outside these hours are warned about. Audited.
/// </summary>
public sealed class SaveVenueHours(TmsswDbContext db, AuditLog audit)
{
    public async Task<AgendaChangeOutcome> RunAsync(UserScope scope, int year, DateOnly date, TimeOnly opens, TimeOnly closes, bool remove = false, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        var day = await db.VenueDays.FirstOrDefaultAsync(d => d.EditionId == editionId && d.Date == date, ct);
        if (remove)
        {
            if (day is null)
            {
                return new(Result.Fail("The venue has no hours on that day."), null, await AgendaEditing.WarningsAsync(db, editionId, ct));
            }

            db.VenueDays.Remove(day);
        }
        else
        {
            if (closes <= opens)
            {
                return new(Result.Fail("The venue must close after it opens."), null, await AgendaEditing.WarningsAsync(db, editionId, ct));
            }

            if (date.Year < year - 1 || date.Year > year + 1)
            {
                return new(Result.Fail($"A conference day of the {year} edition is in {year}."), null, await AgendaEditing.WarningsAsync(db, editionId, ct));
            }

            if (day is null)
            {
                day = new VenueDay { EditionId = editionId, Date = date };
                db.VenueDays.Add(day);
            }

            day.Opens = opens;
            day.Closes = closes;
        }

        audit.Record(scope.Actor, remove ? "VenueDayRemoved" : "VenueHoursSet", "VenueDay", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            remove ? null : [new FieldChange("hours", null, string.Create(CultureInfo.InvariantCulture, $"{opens:HH:mm}-{closes:HH:mm}"))]);
        await db.SaveChangesAsync(ct);
        return new(Result.Ok, null, await AgendaEditing.WarningsAsync(db, editionId, ct));
    }
}
