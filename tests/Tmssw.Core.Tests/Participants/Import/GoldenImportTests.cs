using System.Runtime.CompilerServices;
using Tmssw.Core.Participants.Import;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Participants.Import;

/// <summary>
/// Messy files kept under Golden/, each with the exact JSON report a dry run gives against edition
/// 2025 (two participants already there). Set TMSSW_UPDATE_GOLDEN=1 to rewrite the expected files,
/// then read the diff before committing it.
/// </summary>
public sealed class GoldenImportTests
{
    private static string GoldenFolder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "Golden");

    [Theory]
    [ProviderData("messy-semicolons.csv")]
    [ProviderData("windows-1252-commas.csv")]
    [ProviderData("utf16-tabs.csv")]
    [ProviderData("missing-gender.csv")]
    [ProviderData("merged-header.xlsx")]
    public async Task Dry_run_report_matches_the_golden_file(Provider provider, string name)
    {
        await using var host = await ImportTestHost.CreateAsync(provider);
        var source = name.EndsWith(".xlsx", StringComparison.Ordinal)
            ? new ImportSource(MessyWorkbook.Build(), name, MessyWorkbook.SheetName)
            : new ImportSource(await File.ReadAllBytesAsync(Path.Combine(GoldenFolder(), name)), name);
        var preview = await host.PreviewAsync(source);
        var actual = ImportReport.Serialize(preview, dryRun: true).ReplaceLineEndings("\n") + "\n";
        var expectedPath = Path.Combine(GoldenFolder(), Path.GetFileNameWithoutExtension(name) + ".expected.json");
        if (Environment.GetEnvironmentVariable("TMSSW_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(expectedPath, actual);
        }

        Assert.True(File.Exists(expectedPath), $"{expectedPath} is missing; run with TMSSW_UPDATE_GOLDEN=1 to write it.");
        Assert.Equal(await File.ReadAllTextAsync(expectedPath), actual);
    }
}
