using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Participants.Import;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants.Import;

public sealed class ImportCommitTests
{
    private static ImportSource Csv(string text, string name = "nominations.csv") => new(Encoding.UTF8.GetBytes(text), name);

    private static string SixRows()
    {
        var sb = new StringBuilder("Given name,Family name,Country,Gender,Passport number,Date of birth,Personal email,Themes,Languages\n");
        string[] countries = ["MX", "CO", "PE", "GT", "HN", "SV"];
        for (var i = 0; i < 6; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"Name{(char)('a' + i)},Family{(char)('a' + i)},{countries[i]},F,P10000{i}0,1980-01-1{i},n{i}@example.org,corruption,\"Spanish, English\"\n");
        }

        return sb.ToString();
    }

    [Theory, ProviderData]
    public async Task Commit_adds_valid_rows_with_history_audit_and_encrypted_sensitive_fields(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var result = await host.CommitAsync(Csv(SixRows() + "Bad,Row,Narnia,F,,,,,\n"));
        Assert.Equal(6, result.AddedIds.Count);
        Assert.Equal(1, result.Preview.Count(ImportAction.Invalid));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var added = await db.Participants.Include(p => p.History).Where(p => result.AddedIds.Contains(p.Id)).OrderBy(p => p.Id).ToListAsync();
        Assert.All(added, p =>
        {
            Assert.Equal(NominationStatus.Nominated, p.Status);
            var step = Assert.Single(p.History);
            Assert.Equal(NominationStatus.Nominated, step.To);
            Assert.Equal("Imported from nominations.csv", step.Reason);
            Assert.DoesNotContain("P1000", p.PassportNumberProtected);
            Assert.DoesNotContain("1980", p.DateOfBirthProtected);
            Assert.Equal(["es", "en"], p.Languages);
            Assert.Equal(["corruption"], p.Themes);
        });
        Assert.Equal("Latin America and the Caribbean", added[0].Region);
        var clear = scope.ServiceProvider.GetRequiredService<SensitiveFields>().Read(added[2]);
        Assert.Equal(new SensitiveValues("P1000020", new DateOnly(1980, 1, 12), "n2@example.org", null), clear);

        var audits = await db.AuditEntries.Where(a => a.Action == "Created").ToListAsync();
        Assert.Equal(6, audits.Count);
        Assert.All(audits, a => Assert.Equal("tester", a.UserName));
        using var changes = JsonDocument.Parse(audits[0].ChangesJson!);
        Assert.Equal("Namea", changes.RootElement.GetProperty("GivenName").GetProperty("after").GetString());
        Assert.StartsWith("(set ", changes.RootElement.GetProperty("PassportNumber").GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "Imported"));
    }

    [Theory, ProviderData]
    public async Task A_failure_half_way_leaves_the_database_unchanged(Provider provider)
    {
        // Batches of two: by the failure after row 4, two batches have been written inside the transaction.
        var failure = new FailAfter(4);
        await using var host = await ImportTestHost.CreateAsync(provider, failure);
        var before = await host.StateAsync();
        var update = "Ana María,Pérez Soto,EC,F,A1234567,,,,,\n";
        var error = await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            host.CommitAsync(Csv(SixRows() + update), new ImportOptions(2025, UpdateDuplicates: true) { BatchSize = 2 }));
        Assert.Contains(failure.Message, error.Message);
        Assert.Equal(before, await host.StateAsync());
    }

    [Theory, ProviderData]
    public async Task An_unreadable_file_changes_nothing(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var before = await host.StateAsync();
        await Assert.ThrowsAsync<UnreadableFileException>(() => host.CommitAsync(new ImportSource([0x50, 0x4B, 0x03, 0x04, 1, 2, 3], "broken.xlsx")));
        await Assert.ThrowsAsync<UnreadableFileException>(() => host.CommitAsync(Csv("\n \n", "empty.csv")));
        var rejected = await host.CommitAsync(Csv("Given name,Family name,Country\nA,B,EC\n"));
        Assert.True(rejected.Preview.Rejected);
        Assert.Equal(before, await host.StateAsync());
    }

    [Theory, ProviderData]
    public async Task Duplicates_against_the_edition_are_skipped_or_updated_per_row_with_a_field_diff(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var file = Csv("Given name,Family name,Country,Gender,Passport,Agency,Personal email\n"
            + "Ana María,Pérez Soto,Ecuador,F,a123-4567,Fiscalía General del Estado,ana@example.org\n"
            + "ANA MARIA,perez  soto,EC,F,,Fiscalía,\n");
        var preview = await host.PreviewAsync(file);
        var row = preview.Rows[0];
        Assert.Equal(ImportAction.Skip, row.Action);
        Assert.Equal(DuplicateKind.Passport, row.Duplicate!.Kind);
        Assert.Equal(host.AnaId, row.Duplicate.Existing.Id);
        Assert.Equal("A1234567", row.Duplicate.Existing.PassportNumber);
        var change = Assert.Single(row.Duplicate.Changes);
        Assert.Equal(new Tmssw.Core.Auditing.FieldChange("Agency", "Fiscalía", "Fiscalía General del Estado"), change);

        // The second row is the same person by name (case, accents and spacing aside) and country.
        Assert.Equal(ImportAction.Invalid, preview.Rows[1].Action);
        Assert.Contains("The same name, country and date of birth are on line 2", preview.Rows[1].Errors.Single().Message);

        var chosen = await host.CommitAsync(file, new ImportOptions(2025, Choices: new Dictionary<int, ImportAction> { [2] = ImportAction.Update }));
        Assert.Equal([host.AnaId], chosen.UpdatedIds);

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var ana = await db.Participants.SingleAsync(p => p.Id == host.AnaId);
        Assert.Equal("Fiscalía General del Estado", ana.Agency);
        var audit = await db.AuditEntries.SingleAsync(a => a.Action == "Updated");
        using var json = JsonDocument.Parse(audit.ChangesJson!);
        Assert.Equal(["Agency"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Theory, ProviderData]
    public async Task A_nominator_imports_their_own_country_only_and_cannot_update_after_vetting(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var nominator = ImportTestHost.Nominator("RU");
        var file = Csv("Given name,Family name,Country,Gender,Date of birth,Position\n"
            + "Olga,Ivanova,RU,F,1981-02-03,\n"
            + "Ana,Pérez,EC,F,1980-03-12,\n"
            + "Иван,Петров,Russian Federation,M,1970-01-15,Colonel\n");
        var preview = await host.PreviewAsync(file, new ImportOptions(2025, UpdateDuplicates: true), nominator);
        Assert.Equal(ImportAction.Add, preview.Rows[0].Action);
        Assert.Equal(ImportAction.Invalid, preview.Rows[1].Action);
        Assert.Equal("You nominate for RU only; this row is for EC. Send it to that country's nominator or to the program staff.", preview.Rows[1].Errors.Single().Message);
        // Issue 10: the match rests on a date of birth the Nominator may not see, so it is only a possible duplicate.
        Assert.Equal(ImportAction.Skip, preview.Rows[2].Action);
        Assert.True(preview.Rows[2].PossibleDuplicate);
        Assert.Null(preview.Rows[2].Duplicate);

        // Skipping is always allowed; a Host may not import at all.
        var skip = await host.PreviewAsync(file, new ImportOptions(2025), nominator);
        Assert.Equal(ImportAction.Skip, skip.Rows[2].Action);
        var hostScope = new Tmssw.Core.Accounts.UserScope("h", "host", new HashSet<string> { Tmssw.Core.Accounts.Roles.Host }, new HashSet<int>(), CityId: "phoenix");
        var refused = await host.PreviewAsync(file, null, hostScope);
        Assert.Contains("You may not nominate participants", refused.FileErrors.Single().Message);

        var result = await host.CommitAsync(file, new ImportOptions(2025), nominator);
        var added = Assert.Single(result.AddedIds);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        Assert.Equal("RU", (await db.Participants.SingleAsync(p => p.Id == added)).Country);
        Assert.Equal("nominator@embassy.example", (await db.AuditEntries.SingleAsync(a => a.Action == "Created")).UserName);
    }

    [Theory, ProviderData]
    public async Task The_workbook_keeps_numbers_stored_as_text_and_reads_date_cells(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var preview = await host.PreviewAsync(new ImportSource(MessyWorkbook.Build(), "nominees.xlsx", "nominees"));
        var first = preview.Rows[0].Values!;
        Assert.Equal(("สมชาย", "ใจดี", "TH"), (first.GivenName, first.FamilyName, first.Country));
        Assert.Equal("0012345", first.PassportNumber);
        Assert.Equal("0812345678", first.PersonalPhone);
        Assert.Equal(new DateOnly(1981, 3, 12), first.DateOfBirth);
        Assert.Equal(["th", "en"], first.Languages);
        var second = preview.Rows[1].Values!;
        Assert.Equal(("12345678", "66812345678", new DateOnly(1980, 3, 12)), (second.PassportNumber, second.PersonalPhone, second.DateOfBirth));
        Assert.Equal("A4", preview.Rows[0].Cell);

        var missing = await Assert.ThrowsAsync<UnreadableFileException>(() => host.PreviewAsync(new ImportSource(MessyWorkbook.Build(), "nominees.xlsx", "Sheet9")));
        Assert.Contains("\"Instructions\", \"Nominees\"", missing.Message);
    }

    [Theory, ProviderData]
    public async Task Names_in_any_script_are_kept_as_written_trimmed_and_in_NFC(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider, seed: false);
        var decomposed = "Émilie".Normalize(NormalizationForm.FormD);
        var result = await host.CommitAsync(Csv($"Given name;Family name;Country;Gender\n  {decomposed} ;  Durand-Lefèvre  ;FR;F\nمحمد;العلي;JO;M\nสมชาย;ใจดี;TH;M\nОльга;Иванова;KZ;F\n"));
        Assert.Equal(4, result.AddedIds.Count);
        await using var scope = host.Scope();
        var names = await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().Participants.OrderBy(p => p.Id).Select(p => p.GivenName + "|" + p.FamilyName).ToListAsync();
        Assert.Equal(["Émilie|Durand-Lefèvre", "محمد|العلي", "สมชาย|ใจดี", "Ольга|Иванова"], names);
        Assert.True(names[0].IsNormalized(NormalizationForm.FormC));
    }
}
