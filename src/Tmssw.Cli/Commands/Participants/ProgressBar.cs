using Tmssw.Core.Participants.Import;

namespace Tmssw.Cli.Commands.Participants;

/// <summary>A one-line progress bar on standard error, only when that is a terminal.</summary>
internal sealed class ProgressBar(TextWriter error) : IProgress<ImportProgress>, IDisposable
{
    private bool drawn;

    public static ProgressBar? ForStandardError(CliConsole console) =>
        ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected ? new ProgressBar(console.Error) : null;

    public void Report(ImportProgress value)
    {
        const int width = 30;
        var filled = value.Total == 0 ? 0 : (int)((long)value.Done * width / value.Total);
        error.Write($"\r{value.Phase,-9} [{new string('#', filled)}{new string('.', width - filled)}] {value.Done}/{value.Total}   ");
        drawn = true;
    }

    public void Dispose()
    {
        if (drawn)
        {
            error.Write("\r" + new string(' ', 60) + "\r");
            drawn = false;
        }
    }
}
