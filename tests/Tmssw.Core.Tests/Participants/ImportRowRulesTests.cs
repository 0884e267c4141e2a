using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Participants.Import;
using Tmssw.Core.Tests.Participants.Import;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants;

/// <summary>
/// Issue 10, the row side of the import: impossible values are row errors (never a 500), vocabulary
/// is tolerant, and every row an import accepts can be saved unchanged through the edit form's use case.
/// </summary>
public sealed class ImportRowRulesTests
{
    private static ImportSource Csv(string text, string name = "nominations.csv") => new(Encoding.UTF8.GetBytes(text), name);

    [Theory, ProviderData]
    public async Task Impossible_dates_are_row_errors_with_line_cell_column_and_reason(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider, seed: false);
        var file = Csv("Given name,Family name,Country,Gender,Date of birth\n"
            + "Ana,Uno,EC,F,0/5/1980\n"
            + "Ana,Dos,EC,F,13/13/1980\n"
            + "Ana,Tres,EC,F,0000-01-01\n"
            + "Ana,Cuatro,EC,F,١٢/٠٣/١٩٨٠\n"
            + "Ana,Cinco,EC,F,99999999999999999999\n"
            + "Ana,Seis,EC,F,1980-03-12\n");
        var before = await host.StateAsync();
        var result = await host.CommitAsync(file);
        var rows = result.Preview.Rows;
        Assert.Equal(6, rows.Count);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(ImportAction.Invalid, rows[i].Action);
            var error = Assert.Single(rows[i].Errors);
            Assert.Equal((i + 2, "Date of birth"), (error.Line, error.Column));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }

        Assert.Contains("not a real date", rows[0].Errors[0].Message);
        Assert.Contains("digits of another script", rows[3].Errors[0].Message);
        Assert.Equal(ImportAction.Add, rows[5].Action);
        Assert.Single(result.AddedIds);
        Assert.NotEqual(before, await host.StateAsync());
    }

    [Fact]
    public async Task Impossible_values_in_a_workbook_name_their_cell()
    {
        await using var host = await ImportTestHost.CreateAsync(Provider.Sqlite, seed: false);
        using var stream = new MemoryStream();
        await Tmssw.Core.Participants.Export.RosterWriter.WriteXlsxAsync(stream, "Nominees", ["Given name", "Family name", "Country", "Gender", "Date of birth"],
            [["Ana", "Uno", "EC", "F", "0/5/1980"]], CancellationToken.None);
        var preview = await host.PreviewAsync(new ImportSource(stream.ToArray(), "nominees.xlsx"));
        var error = Assert.Single(Assert.Single(preview.Rows).Errors);
        Assert.Equal((2, "E2", "Date of birth"), (error.Line, error.Cell, error.Column));
    }

    [Theory, ProviderData]
    public async Task Sector_and_theme_words_never_lose_a_row_and_unknown_ones_are_warnings(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider, seed: false);
        var file = Csv("Given name,Family name,Country,Gender,Sector,Themes,Languages\n"
            + "Ola,Nordmann,NO,M,Police,Drugs; Human trafficking,no; en\n"
            + "Kagiso,Molefe,BW,F,Prosecutors,Corruption,tn; English\n"
            + "Siobhán,Ní Bhriain,IE,F,Fisheries inspectorate,Maritime; Space law,ga\n");
        var result = await host.CommitAsync(file);
        Assert.Equal(3, result.AddedIds.Count);
        Assert.All(result.Preview.Rows, r => Assert.Empty(r.Errors));
        var warnings = result.Preview.Rows[2].Warnings;
        Assert.Equal(["Sector", "Themes"], warnings.Select(w => w.Column));
        Assert.All(warnings, w => Assert.Equal(4, w.Line));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var saved = await db.Participants.AsNoTracking().OrderBy(p => p.Id).ToListAsync();
        Assert.Equal(["law-enforcement", "prosecution", "Fisheries inspectorate"], saved.Select(p => p.Sector));
        Assert.Equal(["narcotics", "trafficking-in-persons"], saved[0].Themes);
        Assert.Equal(["maritime-crime", "Space law"], saved[2].Themes);
        Assert.Equal(["no", "en"], saved[0].Languages);
        Assert.Equal(["tn", "en"], saved[1].Languages);
        Assert.Equal(["ga"], saved[2].Languages);

        var json = ImportReport.Serialize(result.Preview, dryRun: false);
        Assert.Contains("Fisheries inspectorate", json, StringComparison.Ordinal);
    }

    /// <summary>A varied file: every kind of value the import reads, written the ways embassies write them.</summary>
    private const string Varied =
        "Given name;Surname;Nationality;Sex;E-mail;Passport No.;DOB;Mobile;Institution;Job title;Sector;Expertise;Languages;Interpretation language;Dietary needs;Accessibility\n"
        + "  Ana María ;Pérez  Soto;Ecuador;female;ana.perez@fiscalia.gob.ec;a 123-4567;12 March 1980;+593 2 123 4567;Fiscalía General del Estado;Fiscal;Prosecutors;Narcotics, Corruption;Spanish, English;Spanish;;\n"
        + "محمد;العلي;Jordan;M;m.alali@psd.gov.jo;N1234567;1975-07-01;+962 6 555 0101;Public Security Directorate;Colonel;Police;\"Terrorism; Violent extremism\";Arabic, English;ar;Halal;\n"
        + "Ola;Nordmann;NOR;m;;;13/03/1981;;Politiet;Inspector;Fisheries inspectorate;Space law;norsk, en;none;;Wheelchair user\n"
        + "Kagiso;Molefe;Botswana;F;k@example.bw;BW 99 88 77;5 de mayo de 1979;(267) 555-0101;DCEC;Investigator;Customs;Money laundering;tn;Tswana;Vegetarian, no nuts;\n"
        + "Иван;Петров;Russian Federation;M;;;1970-01-15;;МВД;Colonel;Judges;Cyber crime;rus;Russian;;\n";

    [Theory, ProviderData]
    public async Task Every_row_an_import_accepts_saves_unchanged_through_the_edit_form(Provider provider)
    {
        await using var host = await ImportTestHost.CreateAsync(provider, seed: false);
        var result = await host.CommitAsync(Csv(Varied));
        Assert.Equal(5, result.AddedIds.Count);

        foreach (var id in result.AddedIds)
        {
            var (snapshot, clear, input) = await host.Use(async sp =>
            {
                var db = sp.GetRequiredService<TmsswDbContext>();
                var p = await db.Participants.AsNoTracking().SingleAsync(x => x.Id == id);
                var values = sp.GetRequiredService<SensitiveFields>().Read(p);
                var form = ParticipantInput.From(p);
                form.PassportNumber = values.PassportNumber;
                form.DateOfBirth = values.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                form.PersonalEmail = values.PersonalEmail;
                form.PersonalPhone = values.PersonalPhone;
                return (Plain(p), values, form);
            });

            var outcome = await host.Use(sp => sp.GetRequiredService<SaveParticipant>().RunAsync(UserScope.Admin("tester"), host.EditionId, id, input));
            Assert.True(outcome.Succeeded, $"#{id}: " + string.Join(" ", outcome.Errors.Select(e => $"{e.Key}: {e.Value}")));

            var (after, afterClear) = await host.Use(async sp =>
            {
                var p = await sp.GetRequiredService<TmsswDbContext>().Participants.AsNoTracking().SingleAsync(x => x.Id == id);
                return (Plain(p), sp.GetRequiredService<SensitiveFields>().Read(p));
            });
            Assert.Equal(snapshot, after);
            Assert.Equal(clear, afterClear);
        }
    }

    private static string Plain(Participant p) => string.Join("|", ParticipantSnapshot.Of(p).Where(kv => !kv.Value?.StartsWith("(set", StringComparison.Ordinal) ?? true).Select(kv => $"{kv.Key}={kv.Value}"));
}
