using System.Diagnostics;
using System.Text;
using Tmssw.Testing;

namespace Tmssw.Cli.Tests.Itineraries;

public sealed class ExportBookBadgesCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tmssw-cli-book-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TmsswCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory, ProviderData]
    public async Task Export_book_writes_pdf_and_html_in_the_language_and_badges_write_a_pdf(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);

        var pdf = Path.Combine(folder, "phoenix.pdf");
        var book = await Run("export", "book", "--edition", "2024", "--group", "phoenix", "--format", "pdf", "--language", "pt", "--out", pdf, "--db", db);
        Assert.True(book.Code == 0, book.Err);
        var text = PdfToText(pdf);
        Assert.Contains("maio", text, StringComparison.Ordinal);
        Assert.Contains("Phoenix", text, StringComparison.Ordinal);

        var html = await Run("export", "book", "--edition", "2024", "--group", "phoenix", "--format", "html", "--language", "ar", "--db", db);
        Assert.Equal(0, html.Code);
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html.Out, StringComparison.Ordinal);
        Assert.Contains("مايو", html.Out, StringComparison.Ordinal);

        var badges = Path.Combine(folder, "badges.pdf");
        var sheet = await Run("export", "badges", "--edition", "2024", "--group", "phoenix", "--out", badges, "--db", db);
        Assert.True(sheet.Code == 0, sheet.Err);
        Assert.Matches(@"Wrote [1-9]\d* badges", sheet.Out);
        Assert.Contains("Interpreter", PdfToText(badges), StringComparison.Ordinal);

        var none = await Run("export", "book", "--edition", "2024", "--participant", "999999", "--format", "pdf", "--out", Path.Combine(folder, "x.pdf"), "--db", db);
        Assert.Equal(1, none.Code);
        Assert.Contains("no participant #999999", none.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "x.pdf")));

        var both = await Run("export", "book", "--edition", "2024", "--participant", "1", "--group", "phoenix", "--format", "html", "--db", db);
        Assert.NotEqual(0, both.Code);
    }

    private static string PdfToText(string file)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-enc", "UTF-8", file, "-" })
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var text = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return text.Normalize(NormalizationForm.FormKC);
    }
}
