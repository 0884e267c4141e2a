using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Splits;

/// <summary>Who is split: the edition's Confirmed and Traveling participants.</summary>
public static class SplitCohort
{
    public static IQueryable<Participant> Query(TmsswDbContext db, int editionId) =>
        db.Participants.Where(p => p.EditionId == editionId
            && (p.Status == NominationStatus.Confirmed || p.Status == NominationStatus.Traveling));
}
