using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants.Import;
using Tmssw.Testing;
using static Tmssw.Core.Tests.Tabular.HandXlsx;

namespace Tmssw.Core.Tests.Tabular;

/// <summary>
/// The known attacks of issue 10, each through the import itself (preview and commit): refused
/// with a message that says what is wrong, and nothing imported.
/// </summary>
public sealed class HostileImportTests
{
    public static TheoryData<string> Attacks => ["whole-sheet merge", "huge reference", "shared-strings bomb", "inflation-ratio bomb", "unclosed quote", "too large"];

    private static (byte[] Bytes, string Name, string Message) Attack(string name) => name switch
    {
        // A 2 KB workbook whose one merged range spans the whole sheet, with data at both corners of a 100,000 × 200 box.
        "whole-sheet merge" => (Zip(Parts(NomineeRows() + Row(100_000, InlineCell("GR100000", "x")), "<mergeCell ref=\"A1:XFD1048576\"/>")), "merge.xlsx", "merged ranges of the sheet \"Sheet1\" would fill more than"),
        "huge reference" => (Zip(Parts(NomineeRows() + Row(4, InlineCell("XFD1048576", "Eva")))), "far.xlsx", "holds data in column XFD"),
        "shared-strings bomb" => (SharedStringsBomb, "bomb.xlsx", "xl/sharedStrings.xml of the workbook inflates to more than"),
        "inflation-ratio bomb" => (RatioBomb, "ratio.xlsx", "xl/sharedStrings.xml of the workbook inflates to more than 100 times its compressed size"),
        "unclosed quote" => (Encoding.UTF8.GetBytes("Given name,Family name,Country,Gender\nAna,Ruiz,EC,F\nLuis,\"Mora,PE,M\nPia,Soto,CL,F\n"), "quote.csv", "Line 3: the quote (\") that opens a field there is never closed"),
        "too large" => (Encoding.UTF8.GetBytes("Given name,Family name,Country,Gender\n" + string.Concat(Enumerable.Repeat("Ana,Ruiz,EC,F\n", 1_600_000))), "big.csv", "at most 20 MB can be read"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory, ProviderData]
    public async Task Each_attack_is_refused_with_its_message_and_imports_nothing(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = new ServiceCollection().AddTmsswCore(database.Setting).BuildServiceProvider();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
            await DatabaseRegistration.MigrateAsync(db);
            db.Editions.Add(new Edition { Year = 2025, Title = "TMSSW 2025" });
            await db.SaveChangesAsync();
        }

        var admin = UserScope.Admin("test");
        foreach (var name in Attacks)
        {
            var (bytes, file, message) = Attack(name);
            await using var scope = services.CreateAsyncScope();
            var source = new ImportSource(bytes, file);
            var preview = await Assert.ThrowsAsync<UnreadableFileException>(() => scope.ServiceProvider.GetRequiredService<PreviewImport>().RunAsync(admin, source, new ImportOptions(2025)));
            Assert.Contains(message, preview.Message, StringComparison.Ordinal);
            var commit = await Assert.ThrowsAsync<UnreadableFileException>(() => scope.ServiceProvider.GetRequiredService<CommitImport>().RunAsync(admin, source, new ImportOptions(2025)));
            Assert.Equal(preview.Message, commit.Message);
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<TmsswDbContext>().Participants.CountAsync());
        }

        // The same database reads a clean file: the refusals above were the files', not the setup's.
        await using (var scope = services.CreateAsyncScope())
        {
            var clean = await scope.ServiceProvider.GetRequiredService<PreviewImport>().RunAsync(admin, new ImportSource(Zip(Parts(NomineeRows())), "clean.xlsx"), new ImportOptions(2025));
            Assert.Equal("xlsx", clean.Format);
            Assert.Equal(4, clean.Columns.Count);
        }
    }
}
