namespace Tmssw.Cli.Tests;

/// <summary>
/// Runs the CLI in this process as a user would call it, with its output and errors captured.
/// Test classes take it with <c>using static Tmssw.Cli.Tests.CliRunner;</c>.
/// </summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TmsswCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
