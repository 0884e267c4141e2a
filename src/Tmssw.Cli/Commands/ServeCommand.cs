using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Tmssw.Core.Data;
using Tmssw.Web;

namespace Tmssw.Cli.Commands;

internal static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var command = new Command("serve", "Run the web application; an empty database gets the demo edition.");
        command.Options.Add(urls);
        command.SetAction(async (parse, ct) =>
        {
            var setting = DatabaseSetting.Resolve(parse.GetValue(CliOptions.Db));
            var address = parse.GetValue(urls)!;
            var app = await TmsswWeb.BuildAsync(["--urls", address], setting);
            await console.Out.WriteLineAsync($"TMSSW is running at {address} on {setting.Describe()}. Press Ctrl+C to stop.");
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
