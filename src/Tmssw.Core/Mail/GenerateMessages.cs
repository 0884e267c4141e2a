using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Mail;

/// <summary>
/// Staff generate a round of messages for an edition's travelling participants (confirmed, traveling or
/// completed), or one city group's: itinerary ready, survey invitation or reminder, thank-you. They wait
/// in the outbox like every other message.
/// </summary>
public sealed class GenerateMessages(TmsswDbContext db, Outbox outbox)
{
    public static readonly IReadOnlyList<MailTemplate> Rounds =
        [MailTemplate.ItineraryReady, MailTemplate.SurveyInvitation, MailTemplate.SurveyReminder, MailTemplate.ThankYou];

    public async Task<(int Added, Result Result)> RunAsync(UserScope scope, int year, MailTemplate template, string? cityId = null, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Year == year, ct);
        if (edition is null || !scope.RunsEdition(edition.Id))
        {
            throw new OutOfScopeException($"edition {year}");
        }

        if (!Rounds.Contains(template))
        {
            return (0, Result.Fail($"Choose one of: {string.Join(", ", Rounds)}; the other messages come from the events themselves."));
        }

        var groups = await db.Groups.AsNoTracking().Where(g => g.EditionId == edition.Id).ToDictionaryAsync(g => g.Id, ct);
        var city = string.IsNullOrWhiteSpace(cityId) ? null : cityId.Trim().ToLowerInvariant();
        int? groupId = null;
        if (city is not null)
        {
            groupId = groups.Values.FirstOrDefault(g => g.CityId == city)?.Id;
            if (groupId is null)
            {
                return (0, Result.Fail($"The {year} edition has no group in '{cityId}'."));
            }
        }

        var people = await db.Participants
            .Where(p => p.EditionId == edition.Id && (p.Status == NominationStatus.Confirmed || p.Status == NominationStatus.Traveling || p.Status == NominationStatus.Completed))
            .Where(p => groupId == null || p.GroupId == groupId)
            .OrderBy(p => p.Id).ToListAsync(ct);
        var cities = await db.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var added = await outbox.AddForAsync(people, template, $"{template} round by {scope.Name}",
            (p, _) => new Dictionary<string, string?>
            {
                ["city"] = p.GroupId is { } g && groups.TryGetValue(g, out var group) ? cities.GetValueOrDefault(group.CityId, group.CityId) : "",
            }, ct);
        await db.SaveChangesAsync(ct);
        return (added, Result.Ok);
    }
}
