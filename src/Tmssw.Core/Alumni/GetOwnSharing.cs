using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Alumni;

/// <summary>An alumnus's sharing choices (all off when never set) and the values each choice would show.</summary>
public sealed record OwnSharing(SharingChoices Choices, string Name, string Country, string Agency, string Position, IReadOnlyList<string> Themes, int Edition, string? CityGroup);

/// <summary>The flags an alumnus sets; everything off is the default.</summary>
public sealed record SharingChoices(
    bool Name = false,
    bool Country = false,
    bool Agency = false,
    bool Position = false,
    bool Themes = false,
    bool Edition = false,
    bool CityGroup = false,
    bool Digest = false);

/// <summary>The signed-in alumnus's own sharing page (/me/alumni): what they share and what it would show.</summary>
public sealed class GetOwnSharing(TmsswDbContext db)
{
    public async Task<OwnSharing> RunAsync(UserScope scope, CancellationToken cancellationToken = default)
    {
        if (!scope.IsAlumnus)
        {
            throw new OutOfScopeException("alumni sharing");
        }

        var id = scope.Alumnus!.ParticipantId;
        var p = await db.Participants.AsNoTracking().FirstAsync(x => x.Id == id, cancellationToken);
        var year = await db.Editions.Where(e => e.Id == p.EditionId).Select(e => e.Year).FirstAsync(cancellationToken);
        var group = p.GroupId is { } g ? await db.Groups.Where(x => x.Id == g).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var s = await db.AlumniSharing.AsNoTracking().FirstOrDefaultAsync(x => x.ParticipantId == id, cancellationToken);
        var choices = s is null
            ? new SharingChoices()
            : new SharingChoices(s.ShareName, s.ShareCountry, s.ShareAgency, s.SharePosition, s.ShareThemes, s.ShareEdition, s.ShareCityGroup, s.WantsDigest);
        return new OwnSharing(choices, p.FullName, p.Country, p.Agency, p.Position, p.Themes, year, group);
    }
}
