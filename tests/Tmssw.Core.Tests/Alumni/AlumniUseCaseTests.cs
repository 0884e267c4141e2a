using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Alumni;
using Tmssw.Core.Mail;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Alumni;

/// <summary>The directory's sharing, moderation and its audit, invitations (single-use, expiring) and the digest.</summary>
public sealed class AlumniUseCaseTests
{
    [Theory, ProviderData]
    public async Task The_directory_shows_only_shared_fields_and_a_withdrawn_field_is_gone_at_once(Provider provider)
    {
        await using var w = await AlumniWorld.CreateAsync(provider);
        var me = await w.ScopeOfAsync("SameTheme");
        await w.RunAsync<SaveOwnSharing, bool>(async s => { await s.RunAsync(me, new SharingChoices(Name: true, Country: true, Agency: true, Themes: true, Edition: true)); return true; });
        var other = await w.ScopeOfAsync("Other");

        var before = await EntryAsync(w, other, me.ParticipantId!.Value, new AlumniFilter(Theme: "narcotics", Edition: 2017));
        Assert.NotNull(before);
        Assert.Equal(("JP", "Agency Beta", (string?)null), (before!.Country, before.Agency, before.Position));
        Assert.Equal(["narcotics"], before.Themes!);

        await w.RunAsync<SaveOwnSharing, bool>(async s => { await s.RunAsync(me, new SharingChoices(Name: true, Country: false, Agency: true, Themes: false, Edition: true)); return true; });
        var after = await EntryAsync(w, other, me.ParticipantId!.Value, new AlumniFilter(Edition: 2017));
        Assert.Equal(((string?)null, (string?)null, "Agency Beta"), (after!.Country, after.Region, after.Agency));
        Assert.Null(after.Themes);
        // A search on a withdrawn field no longer finds them (it would reveal the field).
        Assert.Null(await EntryAsync(w, other, me.ParticipantId!.Value, new AlumniFilter(Theme: "narcotics")));
        Assert.Null(await EntryAsync(w, other, me.ParticipantId!.Value, new AlumniFilter(Region: Tmssw.Core.Reference.Countries.FindByCode("JP")!.WorldRegion)));

        await w.RunAsync<SaveOwnSharing, bool>(async s => { await s.RunAsync(me, new SharingChoices()); return true; });
        Assert.Null(await EntryAsync(w, AlumniWorld.Staff, me.ParticipantId!.Value, new AlumniFilter()));

        await using var db = w.Db();
        var audits = await db.AuditEntries.Where(a => a.Action == "SharingChanged" && a.EntityId == me.ParticipantId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).CountAsync();
        Assert.Equal(3, audits);
        var nonAlumnus = await w.ScopeOfAsync("NonAlumnus");
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<BrowseAlumniDirectory, AlumniDirectory>(s => s.RunAsync(nonAlumnus, new AlumniFilter())));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<GetOwnSharing, OwnSharing>(s => s.RunAsync(nonAlumnus)));
    }

    [Theory, ProviderData]
    public async Task A_report_lets_staff_read_the_post_and_hiding_it_is_audited_and_gone_for_readers(Provider provider)
    {
        await using var w = await AlumniWorld.CreateAsync(provider);
        var author = await w.ScopeOfAsync("Author");
        var colleague = await w.ScopeOfAsync("SameAgency");
        var id = await TlpMatrixTests.StartAsync(w, author, new NewThread("Strict", "Text", "narcotics", "AMBER+STRICT"));
        Assert.Null(await w.RunAsync<GetThread, ThreadView?>(s => s.RunAsync(AlumniWorld.Staff, id)));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<HidePost, Result>(s => s.RunAsync(AlumniWorld.Staff, id, null, true, "Unseen")));

        Assert.False((await w.RunAsync<ReportPost, Result>(s => s.RunAsync(colleague, id, null, "  "))).Succeeded);
        Assert.True((await w.RunAsync<ReportPost, Result>(s => s.RunAsync(colleague, id, null, "Names a suspect"))).Succeeded);
        // This thread's report (the demo has a reported reply of its own).
        var reports = (await w.RunAsync<ListReports, IReadOnlyList<ReportLine>>(s => s.RunAsync(AlumniWorld.Staff))).Where(r => r.ThreadId == id).ToList();
        Assert.Equal(("Strict", "Names a suspect"), (Assert.Single(reports).ThreadTitle, reports[0].Reason));
        Assert.NotNull(await w.RunAsync<GetThread, ThreadView?>(s => s.RunAsync(AlumniWorld.Staff, id)));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ListReports, IReadOnlyList<ReportLine>>(s => s.RunAsync(colleague)));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<HidePost, Result>(s => s.RunAsync(colleague, id, null, true, "I can't")));

        Assert.False((await w.RunAsync<HidePost, Result>(s => s.RunAsync(AlumniWorld.Staff, id, null, true, ""))).Succeeded);
        Assert.True((await w.RunAsync<HidePost, Result>(s => s.RunAsync(AlumniWorld.Staff, id, null, true, "Names a suspect in an open case"))).Succeeded);
        Assert.Null(await w.RunAsync<GetThread, ThreadView?>(s => s.RunAsync(colleague, id)));
        Assert.Null(await w.RunAsync<GetThread, ThreadView?>(s => s.RunAsync(author, id)));
        var staffView = await w.RunAsync<GetThread, ThreadView?>(s => s.RunAsync(AlumniWorld.Staff, id));
        Assert.Equal((true, "Names a suspect in an open case"), (staffView!.Hidden, staffView.HiddenReason));
        Assert.DoesNotContain(await w.RunAsync<ListReports, IReadOnlyList<ReportLine>>(s => s.RunAsync(AlumniWorld.Staff)), r => r.ThreadId == id);

        await using var db = w.Db();
        var hidden = await db.AuditEntries.SingleAsync(a => a.Action == "Hidden" && a.EntityType == "AlumniThread" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Staff member", hidden.UserName);
        using var changes = JsonDocument.Parse(hidden.ChangesJson!);
        Assert.Equal("Names a suspect in an open case", changes.RootElement.GetProperty("Reason").GetProperty("after").GetString());
        Assert.Equal("hidden", changes.RootElement.GetProperty("Visibility").GetProperty("after").GetString());
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Reported"));
    }

    [Theory, ProviderData]
    public async Task An_invitation_link_works_once_and_not_after_it_expires(Provider provider)
    {
        await using var w = await AlumniWorld.CreateAsync(provider);
        var id = w.Ids["Other"];
        var refused = await w.RunAsync<InviteAlumnus, InvitationOutcome>(s => s.RunAsync(AlumniWorld.Staff, w.Ids["NonAlumnus"], "x@example.org"));
        Assert.Contains("Confirmed", refused.Error, StringComparison.Ordinal);
        Assert.False((await w.RunAsync<InviteAlumnus, InvitationOutcome>(s => s.RunAsync(AlumniWorld.Staff, id, "not an address"))).Succeeded);

        var first = await w.RunAsync<InviteAlumnus, InvitationOutcome>(s => s.RunAsync(AlumniWorld.Staff, id, "other.alumnus@example.org"));
        Assert.True(first.Succeeded, first.Error);
        await using (var db = w.Db())
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Id == first.OutboxMessageId);
            Assert.Equal((MailTemplate.AlumniInvitation, OutboxStatus.Waiting), (message.Template, message.Status));
            Assert.Contains("/alumni/welcome/" + first.Token, message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(first.Token!, (await db.AlumniInvitations.SingleAsync()).TokenHash, StringComparison.Ordinal);
            Assert.DoesNotContain(first.Token!, string.Join(" ", await db.AuditEntries.Select(a => a.ChangesJson ?? "").ToListAsync()), StringComparison.Ordinal);
        }

        Assert.False((await w.RunAsync<AcceptInvitation, Result>(s => s.RunAsync(first.Token, "short"))).Succeeded);
        Assert.True(await w.RunAsync<AcceptInvitation, bool>(s => s.IsValidAsync(first.Token)));
        Assert.True((await w.RunAsync<AcceptInvitation, Result>(s => s.RunAsync(first.Token, "Alumni-Password-2017"))).Succeeded);
        var again = await w.RunAsync<AcceptInvitation, Result>(s => s.RunAsync(first.Token, "Another-Password-2017"));
        Assert.Equal(AcceptInvitation.Invalid, again.Error);
        await using (var scope = w.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByEmailAsync("other.alumnus@example.org");
            Assert.True(await users.CheckPasswordAsync(user!, "Alumni-Password-2017"));
            Assert.False(await users.CheckPasswordAsync(user!, "Another-Password-2017"));
            Assert.Equal((id, true), (user!.ParticipantId, await users.IsInRoleAsync(user, Roles.Participant)));
        }

        // A second invitation for the same person: the account is reused; the link stops working once the lifetime is over.
        var second = await w.RunAsync<InviteAlumnus, InvitationOutcome>(s => s.RunAsync(AlumniWorld.Staff, id, "other.alumnus@example.org"));
        Assert.True(second.Succeeded, second.Error);
        w.Clock.Now += AlumniRules.InvitationLifetime + TimeSpan.FromMinutes(1);
        Assert.False(await w.RunAsync<AcceptInvitation, bool>(s => s.IsValidAsync(second.Token)));
        Assert.Equal(AcceptInvitation.Invalid, (await w.RunAsync<AcceptInvitation, Result>(s => s.RunAsync(second.Token, "Alumni-Password-2026"))).Error);
        Assert.Equal(AcceptInvitation.Invalid, (await w.RunAsync<AcceptInvitation, Result>(s => s.RunAsync("no-such-token", "Alumni-Password-2026"))).Error);
    }

    [Theory, ProviderData]
    public async Task The_digest_lists_new_threads_in_the_recipients_themes_that_they_may_read_and_a_dry_run_queues_nothing(Provider provider)
    {
        await using var w = await AlumniWorld.CreateAsync(provider);
        var reader = await w.ScopeOfAsync("SameTheme");
        await w.RunAsync<SaveOwnSharing, bool>(async s => { await s.RunAsync(reader, new SharingChoices(Name: true, Digest: true)); return true; });
        var author = await w.ScopeOfAsync("Author");
        await TlpMatrixTests.StartAsync(w, author, new NewThread("Green news", "x", "narcotics", "GREEN"));
        await TlpMatrixTests.StartAsync(w, author, new NewThread("Amber detail", "x", "narcotics", "AMBER", AudienceTheme: "narcotics"));
        await TlpMatrixTests.StartAsync(w, author, new NewThread("Red secret", "x", "narcotics", "RED", Recipients: [w.Ids["Recipient"]]));
        await TlpMatrixTests.StartAsync(w, author, new NewThread("Strict secret", "x", "narcotics", "AMBER+STRICT"));

        var dry = await w.RunAsync<QueueAlumniDigest, IReadOnlyList<DigestLine>>(s => s.RunAsync(AlumniWorld.Staff, dryRun: true));
        Assert.Equal(2, Assert.Single(dry, l => l.ParticipantId == reader.ParticipantId).Threads);
        await using (var db = w.Db())
        {
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.Template == MailTemplate.AlumniDigest));
        }

        var queued = await w.RunAsync<QueueAlumniDigest, IReadOnlyList<DigestLine>>(s => s.RunAsync(AlumniWorld.Staff, dryRun: false));
        Assert.Equal(dry.Count, queued.Count);
        await using (var db = w.Db())
        {
            var message = await db.OutboxMessages.SingleAsync(m => m.Template == MailTemplate.AlumniDigest && m.ParticipantId == reader.ParticipantId);
            Assert.Equal((reader.ParticipantId, OutboxStatus.Waiting), (message.ParticipantId, message.Status));
            Assert.Contains("Green news", message.Body, StringComparison.Ordinal);
            Assert.Contains("TLP:AMBER", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Amber detail", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("secret", message.Body, StringComparison.Ordinal);
        }

        // Nothing new since: the next run queues nothing.
        Assert.Empty(await w.RunAsync<QueueAlumniDigest, IReadOnlyList<DigestLine>>(s => s.RunAsync(AlumniWorld.Staff, dryRun: false)));
    }

    private static async Task<AlumniEntry?> EntryAsync(AlumniWorld w, UserScope scope, int participantId, AlumniFilter filter)
    {
        var directory = await w.RunAsync<BrowseAlumniDirectory, AlumniDirectory>(s => s.RunAsync(scope, filter));
        return directory.Entries.SingleOrDefault(e => e.ParticipantId == participantId);
    }
}
