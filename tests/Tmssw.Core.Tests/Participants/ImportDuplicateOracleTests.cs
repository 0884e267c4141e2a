using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Tests.Participants.Import;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants;

/// <summary>
/// Issue 10 part 5: the preview is no oracle. Seeded: Ana María Pérez Soto (EC, passport A1234567,
/// born 1980-03-12, Nominated) and Иван Петров (RU, born 1970-01-15, Vetted).
/// </summary>
public sealed class ImportDuplicateOracleTests
{
    private static ImportSource Csv(string text) => new(Encoding.UTF8.GetBytes(text), "nominations.csv");

    private const string Header = "Given name,Family name,Country,Gender,Passport number,Date of birth\n";

    private static UserScope Staff(int editionId) =>
        new("staff-id", "staff@example.org", new HashSet<string> { Roles.Staff }, new HashSet<int> { editionId });

    private static Task<int> SensitiveAuditCount(ImportTestHost host) =>
        host.Use(sp => sp.GetRequiredService<TmsswDbContext>().AuditEntries.CountAsync(a => a.Action == "ImportMatchedSensitive"));

    [Theory, ProviderData]
    public async Task Admin_and_the_editions_staff_see_the_match_and_it_is_audited(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        foreach (var scope in new[] { UserScope.Admin("tester"), Staff(host.EditionId) })
        {
            var before = await SensitiveAuditCount(host);
            var preview = await host.PreviewAsync(Csv(Header + "Someone,Else,EC,F,A 123 4567,\nИван,Петров,RU,M,,1970-01-15\n"), null, scope);
            Assert.Equal(host.AnaId, preview.Rows[0].Duplicate!.Existing.Id);
            Assert.Equal(DuplicateKind.Passport, preview.Rows[0].Duplicate!.Kind);
            Assert.Equal(host.IvanId, preview.Rows[1].Duplicate!.Existing.Id);
            Assert.False(preview.Rows[0].PossibleDuplicate);
            Assert.Equal(before + 1, await SensitiveAuditCount(host));
        }

        var entry = await host.Use(sp => sp.GetRequiredService<TmsswDbContext>().AuditEntries.AsNoTracking().OrderBy(a => a.Id).LastAsync(a => a.Action == "ImportMatchedSensitive"));
        Assert.Equal("staff@example.org", entry.UserName);
        Assert.Contains("passport number", entry.ChangesJson, StringComparison.Ordinal);
        Assert.Contains("date of birth", entry.ChangesJson, StringComparison.Ordinal);
        Assert.DoesNotContain("A1234567", entry.ChangesJson, StringComparison.Ordinal);
        Assert.DoesNotContain("1970-01-15", entry.ChangesJson, StringComparison.Ordinal);
    }

    [Theory, ProviderData]
    public async Task A_nominator_gets_only_a_possible_duplicate_for_a_passport_match(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var nominator = ImportTestHost.Nominator("EC");
        var preview = await host.PreviewAsync(Csv(Header + "Someone,Else,EC,F,A1234567,\n"), new ImportOptions(2025, UpdateDuplicates: true), nominator);
        var row = Assert.Single(preview.Rows);
        Assert.True(row.PossibleDuplicate);
        Assert.Null(row.Duplicate);
        Assert.Equal(ImportAction.Skip, row.Action);
        Assert.Equal("Possible duplicate: staff will review.", row.Note);
        Assert.Equal(1, await SensitiveAuditCount(host));

        var json = ImportReport.Serialize(preview, dryRun: true);
        Assert.Contains("possible duplicate: staff will review", json, StringComparison.Ordinal);
        Assert.DoesNotContain("participantId", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Pérez", json, StringComparison.Ordinal);
        Assert.DoesNotContain($"#{host.AnaId}", json, StringComparison.Ordinal);

        // A choice cannot turn the hidden match into an update.
        var forced = await host.PreviewAsync(Csv(Header + "Someone,Else,EC,F,A1234567,\n"), new ImportOptions(2025, Choices: new Dictionary<int, ImportAction> { [2] = ImportAction.Update }), nominator);
        Assert.Equal(ImportAction.Skip, forced.Rows[0].Action);
    }

    [Theory, ProviderData]
    public async Task A_nominator_cannot_tell_a_right_date_of_birth_from_a_wrong_one(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var nominator = ImportTestHost.Nominator("EC");
        var right = await host.PreviewAsync(Csv(Header + "Ana María,Pérez Soto,EC,F,,1980-03-12\n"), null, nominator);
        var wrong = await host.PreviewAsync(Csv(Header + "Ana María,Pérez Soto,EC,F,,1981-07-01\n"), null, nominator);
        foreach (var preview in new[] { right, wrong })
        {
            var row = Assert.Single(preview.Rows);
            Assert.True(row.PossibleDuplicate);
            Assert.Null(row.Duplicate);
            Assert.Equal(ImportAction.Skip, row.Action);
        }

        Assert.Equal(ImportReport.Serialize(right, true), ImportReport.Serialize(wrong, true).Replace("1981-07-01", "1980-03-12", StringComparison.Ordinal));

        // The same for a passport that differs from the one on file.
        var otherPassport = await host.PreviewAsync(Csv(Header + "Ana María,Pérez Soto,EC,F,Z9999999,\n"), null, nominator);
        Assert.True(otherPassport.Rows[0].PossibleDuplicate);

        // Every preview that compared a sensitive field (right date, wrong date, other passport) is recorded.
        Assert.Equal(3, await SensitiveAuditCount(host));
    }

    [Theory, ProviderData]
    public async Task A_name_only_match_is_shown_and_nothing_is_audited(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var nominator = ImportTestHost.Nominator("EC");
        var preview = await host.PreviewAsync(Csv(Header + "Ana María,Pérez Soto,EC,F,,\nNew,Person,EC,M,,1990-01-01\n"), null, nominator);
        Assert.False(preview.Rows[0].PossibleDuplicate);
        Assert.Equal(host.AnaId, preview.Rows[0].Duplicate!.Existing.Id);
        Assert.Equal(ImportAction.Add, preview.Rows[1].Action);
        Assert.Equal(0, await SensitiveAuditCount(host));
    }

    [Theory, ProviderData]
    public async Task A_commit_leaves_a_possible_duplicate_out_and_audits_it(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var nominator = ImportTestHost.Nominator("EC");
        var result = await host.CommitAsync(Csv(Header + "Someone,Else,EC,F,A1234567,\nNew,Person,EC,M,,1990-01-01\n"), new ImportOptions(2025, UpdateDuplicates: true), nominator);
        var added = Assert.Single(result.AddedIds);
        Assert.Empty(result.UpdatedIds);
        Assert.Equal(1, await SensitiveAuditCount(host));
        var ana = await host.Use(sp => sp.GetRequiredService<TmsswDbContext>().Participants.AsNoTracking().SingleAsync(p => p.Id == host.AnaId));
        Assert.Equal("Ana María", ana.GivenName);
        Assert.NotEqual(host.AnaId, added);
    }
}
