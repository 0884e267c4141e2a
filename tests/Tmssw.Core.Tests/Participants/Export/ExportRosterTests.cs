using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Participants.Export;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Tabular;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants.Export;

public sealed class ExportRosterTests
{
    private const string Nasty = "Given name,Family name,Country,Gender,Agency,Position,Dietary needs,Accessibility,Personal email,Phone,Passport number,Date of birth,Themes,Languages,Interpretation,Sector\n"
        + "Eve,Hacker,EC,F,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",+1+2,-2+3,@SUM(A1),eve@example.org,+593 2 123 4567,EC7654321,1985-05-05,Cybercrime,\"Spanish, English\",Spanish,Law enforcement\n"
        + "Owen,O'Brien,Ireland,M,''=quoted on purpose,Garda,,,,,,,,English,,\n";

    private static async Task<string> ExportAsync(ImportTestHost host, UserScope scope, RosterRequest request, string path)
    {
        await using var s = host.Scope();
        await using (var file = File.Create(path))
        {
            var result = await s.ServiceProvider.GetRequiredService<ExportRoster>().RunAsync(scope, request, file);
            Assert.True(result.Succeeded, result.Error);
        }

        return path;
    }

    private static List<List<string>> ReadXlsx(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        return part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).ToList();
    }

    [Theory, ProviderData]
    public async Task Formula_cells_are_neutralized_in_real_csv_and_xlsx_files_and_import_back_unchanged(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider, seed: false);
        var imported = await host.CommitAsync(new ImportSource(Encoding.UTF8.GetBytes(Nasty), "nasty.csv"));
        Assert.Equal(2, imported.AddedIds.Count);
        var folder = Directory.CreateTempSubdirectory("tmssw-export-").FullName;
        try
        {
            var csv = await ExportAsync(host, UserScope.Admin("tester"), new RosterRequest(2025, RosterFormat.Csv), Path.Combine(folder, "roster.csv"));
            var text = await File.ReadAllTextAsync(csv);
            Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"", text);
            Assert.Contains(",'+1+2,", text);
            Assert.Contains(",'-2+3,'@SUM(A1),", text);
            Assert.Contains(",'+593 2 123 4567,", text);
            Assert.Contains(",''=quoted on purpose,", text);
            foreach (var line in CsvTable.Parse(text.TrimStart('\uFEFF'), ','))
            {
                Assert.All(line.Cells, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), cell));
            }

            var xlsx = await ExportAsync(host, UserScope.Admin("tester"), new RosterRequest(2025, RosterFormat.Xlsx), Path.Combine(folder, "roster.xlsx"));
            var cells = ReadXlsx(xlsx).SelectMany(r => r).ToList();
            Assert.Contains("'=HYPERLINK(\"http://evil.example\",\"click\")", cells);
            Assert.Contains("'@SUM(A1)", cells);
            Assert.All(cells, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), cell));
            using (var document = SpreadsheetDocument.Open(xlsx, false))
            {
                Assert.Empty(document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<CellFormula>());
            }

            // Both files import back to the same values into another edition.
            foreach (var file in new[] { csv, xlsx })
            {
                var preview = await host.PreviewAsync(await ImportSource.FromFileAsync(file), new ImportOptions(2026));
                Assert.True(preview.AllValid, string.Join("; ", preview.Rows.SelectMany(r => r.Errors).Select(e => e.Message)));
                Assert.Empty(preview.Warnings);
                var eve = preview.Rows.Single(r => r.Values!.GivenName == "Eve").Values!;
                Assert.Equal("=HYPERLINK(\"http://evil.example\",\"click\")", eve.Agency);
                Assert.Equal(("+1+2", "-2+3", "@SUM(A1)", "+593 2 123 4567"), (eve.Position, eve.DietaryNeeds, eve.AccessibilityNeeds, eve.PersonalPhone));
                Assert.Equal("'=quoted on purpose", preview.Rows.Single(r => r.Values!.GivenName == "Owen").Values!.Agency);
            }
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    [Theory, ProviderData(RosterFormat.Csv), ProviderData(RosterFormat.Xlsx)]
    public async Task Export_then_import_into_another_edition_gives_back_the_same_participants(Provider provider, RosterFormat format)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var messy = await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(GoldenPath())!, "..", "Import", "Golden", "messy-semicolons.csv"));
        await host.CommitAsync(new ImportSource(messy, "messy.csv"));
        await host.CommitAsync(new ImportSource(Encoding.UTF8.GetBytes(Nasty), "nasty.csv"));
        var folder = Directory.CreateTempSubdirectory("tmssw-export-").FullName;
        try
        {
            var path = await ExportAsync(host, UserScope.Admin("tester"), new RosterRequest(2025, format), Path.Combine(folder, "roster." + format.ToString().ToLowerInvariant()));
            var again = await host.CommitAsync(await ImportSource.FromFileAsync(path), new ImportOptions(2026));
            Assert.True(again.Preview.AllValid);

            // Re-importing into the same edition finds every participant and changes nothing.
            var same = await host.PreviewAsync(await ImportSource.FromFileAsync(path), new ImportOptions(2025, UpdateDuplicates: true));
            Assert.All(same.Rows, r => Assert.True(r.Action == ImportAction.Skip, $"line {r.Line}: {r.Action} {string.Join(", ", r.Duplicate?.Changes ?? [])}"));

            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            var fields = scope.ServiceProvider.GetRequiredService<SensitiveFields>();
            var editions = await db.Editions.ToDictionaryAsync(e => e.Year, e => e.Id);
            string Describe(Participant p) =>
                string.Join("|", ParticipantSnapshot.Of(p).Where(kv => kv.Key is not ("PassportNumber" or "DateOfBirth" or "PersonalEmail" or "PersonalPhone" or "Status")).Select(kv => $"{kv.Key}={kv.Value}"))
                + "|" + fields.Read(p) + "|" + p.Region;
            var original = (await db.Participants.Where(p => p.EditionId == editions[2025]).ToListAsync()).Select(Describe).Order().ToList();
            var copy = (await db.Participants.Where(p => p.EditionId == editions[2026]).ToListAsync()).Select(Describe).Order().ToList();
            Assert.Equal(original.Count, again.AddedIds.Count);
            Assert.Equal(string.Join("\n", original), string.Join("\n", copy));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }

    private static string GoldenPath([System.Runtime.CompilerServices.CallerFilePath] string here = "") => here;

    [Theory, ProviderData]
    public async Task Columns_follow_the_role_and_a_host_never_gets_sensitive_or_contact_data(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider, seed: false);
        await host.CommitAsync(new ImportSource(Encoding.UTF8.GetBytes(Nasty), "nasty.csv"));
        int groupId;
        await using (var s = host.Scope())
        {
            var db = s.ServiceProvider.GetRequiredService<TmsswDbContext>();
            if (!await db.Cities.AnyAsync(c => c.Id == "phoenix"))
            {
                db.Cities.Add(new Tmssw.Core.Hosts.City { Id = "phoenix", Name = "Phoenix", State = "AZ", TimeZone = "America/Phoenix" });
            }

            var group = new Tmssw.Core.Splits.Group { EditionId = host.EditionId, CityId = "phoenix", Name = "Phoenix group" };
            db.Groups.Add(group);
            await db.SaveChangesAsync();
            groupId = group.Id;
            await db.Participants.ExecuteUpdateAsync(u => u.SetProperty(p => p.GroupId, groupId));
        }

        var folder = Directory.CreateTempSubdirectory("tmssw-export-").FullName;
        try
        {
            var hostScope = new UserScope("h", "host@phoenix", new HashSet<string> { Roles.Host }, new HashSet<int>(), CityId: "phoenix");
            var path = await ExportAsync(host, hostScope, new RosterRequest(2025, RosterFormat.Xlsx, CityId: "phoenix"), Path.Combine(folder, "host.xlsx"));
            var rows = ReadXlsx(path);
            Assert.Equal(["Given name", "Family name", "Country", "Position", "Languages", "Dietary needs", "Accessibility"], rows[0]);
            Assert.Equal(3, rows.Count);
            var all = string.Join("|", rows.SelectMany(r => r));
            foreach (var secret in new[] { "EC7654321", "1985", "eve@example.org", "593", "Cybercrime", "HYPERLINK" })
            {
                Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
            }

            var nominator = ImportTestHost.Nominator("EC");
            var csv = await ExportAsync(host, nominator, new RosterRequest(2025, RosterFormat.Csv, GroupId: groupId), Path.Combine(folder, "nominator.csv"));
            var lines = CsvTable.Parse((await File.ReadAllTextAsync(csv)).TrimStart('\uFEFF'), ',').Where(r => !r.IsBlank).ToList();
            Assert.Equal(2, lines.Count);
            Assert.DoesNotContain("Passport number", lines[0].Cells);
            Assert.DoesNotContain("EC7654321", string.Join("|", lines[1].Cells), StringComparison.Ordinal);

            var admin = await ExportAsync(host, UserScope.Admin("tester"), new RosterRequest(2025, RosterFormat.Csv), Path.Combine(folder, "admin.csv"));
            Assert.Contains("EC7654321", await File.ReadAllTextAsync(admin), StringComparison.Ordinal);
            await using var s2 = host.Scope();
            Assert.Equal(1, await s2.ServiceProvider.GetRequiredService<TmsswDbContext>().AuditEntries.CountAsync(a => a.Action == "Revealed"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
