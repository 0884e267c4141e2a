using Tmssw.Core.Accounts;
using Tmssw.Core.Data;

namespace Tmssw.Core.Partners;

/// <summary>An edition's countdown steps for its staff to edit: its own, or the program's defaults until it has some.</summary>
public sealed class GetCountdownTemplates(TmsswDbContext db)
{
    public async Task<IReadOnlyList<CountdownTemplate>> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var editionId = await PartnerEditions.IdAsync(db, year, ct) ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MayEditCountdown(editionId))
        {
            throw new OutOfScopeException($"the {year} countdown");
        }

        return await Countdown.TemplatesAsync(db, editionId, ct);
    }
}
