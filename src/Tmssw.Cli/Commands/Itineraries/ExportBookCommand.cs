using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Itineraries;

namespace Tmssw.Cli.Commands.Itineraries;

/// <summary>
/// <c>tmssw export book --edition YEAR (--participant ID | --group CITY) --format pdf|html [--language CODE] [--out FILE]</c>:
/// a participant's or a group's program book in one of the six languages (default: the
/// participant's interpretation language, else English). HTML goes to stdout without <c>--out</c>.
/// </summary>
internal static class ExportBookCommand
{
    public static Command Create(CliConsole console)
    {
        var edition = new Option<int>("--edition") { Description = "The edition's year.", Required = true };
        var participant = new Option<int?>("--participant") { Description = "The participant's record id." };
        var group = new Option<string?>("--group") { Description = "The city group's city (e.g. phoenix)." };
        var format = new Option<string>("--format") { Description = "pdf or html.", Required = true };
        format.AcceptOnlyFromAmong("pdf", "html");
        var language = new Option<string?>("--language") { Description = "en, es, fr, ar, ru or pt." };
        language.AcceptOnlyFromAmong([.. TravellerText.Languages]);
        var output = new Option<string?>("--out") { Description = "The file to write (required for pdf; html goes to stdout without it)." };
        var book = new Command("book", "Write a participant's or a group's program book (HTML or PDF) in their language.");
        foreach (var o in new Option[] { edition, participant, group, format, language, output })
        {
            book.Options.Add(o);
        }

        book.Validators.Add(r =>
        {
            if ((r.GetValue(participant) is null) == string.IsNullOrWhiteSpace(r.GetValue(group)))
            {
                r.AddError("give exactly one of --participant ID or --group CITY");
            }

            if (r.GetValue(format) == "pdf" && string.IsNullOrWhiteSpace(r.GetValue(output)))
            {
                r.AddError("a PDF needs --out FILE");
            }
        });

        book.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var request = new BookRequest(parse.GetValue(edition), parse.GetValue(participant), parse.GetValue(group), parse.GetValue(language));
            var print = scope.ServiceProvider.GetRequiredService<PrintProgramBook>();
            var caller = UserScope.Admin($"cli:{Environment.UserName}");
            PrintedBook result;
            try
            {
                result = parse.GetValue(format) == "pdf" ? await print.PdfAsync(caller, request, ct) : await print.HtmlAsync(caller, request, null, ct);
            }
            catch (OutOfScopeException)
            {
                throw new CliException(request.ParticipantId is { } id
                    ? $"no participant #{id} in edition {request.Year}"
                    : $"no group in {request.City} in edition {request.Year}");
            }

            var path = parse.GetValue(output);
            if (string.IsNullOrWhiteSpace(path))
            {
                await console.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(result.Content));
                return 0;
            }

            await FileOutput.WriteAsync(path, result.Content, ct);
            await console.Out.WriteLineAsync($"Wrote the program book ({result.Language}, {result.Content.Length} bytes) to {path}.");
            return 0;
        });
        return book;
    }
}
