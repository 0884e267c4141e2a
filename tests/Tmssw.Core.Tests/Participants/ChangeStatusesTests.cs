using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants;

public sealed class ChangeStatusesTests
{
    private static Task<StatusChangeResult> Run(ImportTestHost host, UserScope scope, StatusChangeRequest request) =>
        host.Use(sp => sp.GetRequiredService<ChangeStatuses>().RunAsync(scope, request));

    [Theory, ProviderData]
    public async Task A_bulk_change_is_all_or_nothing_with_per_participant_errors(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var admin = UserScope.Admin("staff");

        // Ana is Nominated and can be vetted; Ivan is already Vetted: the whole request fails.
        var refused = await Run(host, admin, new StatusChangeRequest([host.AnaId, host.IvanId, 999], NominationStatus.Vetted, "checked"));
        Assert.False(refused.Succeeded);
        Assert.Equal([host.IvanId, 999], refused.Errors.Select(e => e.ParticipantId));
        Assert.Contains("already Vetted", refused.Errors[0].Message);
        Assert.Contains("no participant #999", refused.Errors[1].Message);
        await using (var s = host.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<TmsswDbContext>();
            Assert.Equal(NominationStatus.Nominated, (await db.Participants.SingleAsync(p => p.Id == host.AnaId)).Status);
            Assert.Equal(0, await db.StatusChanges.CountAsync());
            Assert.Equal(0, await db.AuditEntries.CountAsync());
        }

        var withdrawn = await Run(host, admin, new StatusChangeRequest([host.AnaId, host.IvanId], NominationStatus.Withdrawn, "visa refused"));
        Assert.True(withdrawn.Succeeded);
        Assert.Equal(2, withdrawn.Changed);
        await using (var s = host.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var history = await db.StatusChanges.OrderBy(h => h.ParticipantId).ToListAsync();
            Assert.Equal([(NominationStatus.Nominated, NominationStatus.Withdrawn), (NominationStatus.Vetted, NominationStatus.Withdrawn)], history.Select(h => (h.From, h.To)));
            Assert.All(history, h => Assert.Equal("visa refused", h.Reason));
            var audits = await db.AuditEntries.Where(a => a.Action == "StatusChanged").ToListAsync();
            Assert.Equal(2, audits.Count);
            Assert.Contains("\"before\":\"Vetted\"", audits.Single(a => a.EntityId == host.IvanId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ChangesJson, StringComparison.Ordinal);
        }
    }

    [Theory, ProviderData]
    public async Task A_nominator_may_only_withdraw_their_own_nominees_while_nominated(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var ec = ImportTestHost.Nominator("EC");
        var vet = await Run(host, ec, new StatusChangeRequest([host.AnaId], NominationStatus.Vetted, null));
        Assert.Contains("may only withdraw", vet.Errors.Single().Message);
        var other = await Run(host, ec, new StatusChangeRequest([host.IvanId], NominationStatus.Withdrawn, "x"));
        Assert.Contains($"no participant #{host.IvanId}", other.Errors.Single().Message);
        var ru = await Run(host, ImportTestHost.Nominator("RU"), new StatusChangeRequest([host.IvanId], NominationStatus.Withdrawn, "ill"));
        Assert.Contains("only the program staff", ru.Errors.Single().Message);
        var noReason = await Run(host, ec, new StatusChangeRequest([host.AnaId], NominationStatus.Withdrawn, " "));
        Assert.Contains("reason is required", noReason.Errors.Single().Message);
        Assert.True((await Run(host, ec, new StatusChangeRequest([host.AnaId], NominationStatus.Withdrawn, "changed posting"))).Succeeded);
    }
}
