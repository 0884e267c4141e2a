using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

/// <summary>
/// An alumnus sets what the directory shows of them and whether they get the weekly digest. Effective at
/// once (the directory reads the flags on every query); every change is audited field by field.
/// </summary>
public sealed class SaveOwnSharing(TmsswDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task RunAsync(UserScope scope, SharingChoices choices, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAlumnus)
        {
            throw new OutOfScopeException("alumni sharing");
        }

        var id = scope.Alumnus!.ParticipantId;
        var row = await db.AlumniSharing.FirstOrDefaultAsync(x => x.ParticipantId == id, cancellationToken);
        if (row is null)
        {
            row = new AlumniSharing { ParticipantId = id };
            db.AlumniSharing.Add(row);
        }

        var before = Snapshot(row);
        row.ShareName = choices.Name;
        row.ShareCountry = choices.Country;
        row.ShareAgency = choices.Agency;
        row.SharePosition = choices.Position;
        row.ShareThemes = choices.Themes;
        row.ShareEdition = choices.Edition;
        row.ShareCityGroup = choices.CityGroup;
        row.WantsDigest = choices.Digest;
        row.UpdatedAt = clock.GetUtcNow();
        var changes = AuditLog.Diff(before, Snapshot(row));
        if (changes.Count > 0)
        {
            audit.Record(scope.Actor, "SharingChanged", "AlumniSharing", id.ToString(System.Globalization.CultureInfo.InvariantCulture), changes);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Dictionary<string, string?> Snapshot(AlumniSharing s) => new()
    {
        ["Name"] = s.ShareName ? "shared" : "private",
        ["Country"] = s.ShareCountry ? "shared" : "private",
        ["Agency"] = s.ShareAgency ? "shared" : "private",
        ["Position"] = s.SharePosition ? "shared" : "private",
        ["Themes"] = s.ShareThemes ? "shared" : "private",
        ["Edition"] = s.ShareEdition ? "shared" : "private",
        ["CityGroup"] = s.ShareCityGroup ? "shared" : "private",
        ["Digest"] = s.WantsDigest ? "on" : "off",
    };
}
