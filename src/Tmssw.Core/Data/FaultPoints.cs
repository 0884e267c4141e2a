namespace Tmssw.Core.Data;

/// <summary>
/// A test-only hook for the kill -9 fault tests: when <c>TMSSW_TEST_PAUSE_AT</c> names this point, the
/// code writes the file <c>TMSSW_TEST_PAUSE_MARKER</c> names and waits there (inside its transaction),
/// so the test kills the process at exactly that moment. Off unless both variables are set: with
/// neither, this returns at once and does nothing.
/// </summary>
public static class FaultPoints
{
    public const string PauseVariable = "TMSSW_TEST_PAUSE_AT";
    public const string MarkerVariable = "TMSSW_TEST_PAUSE_MARKER";

    public const string ImportCommit = "import-commit";
    public const string SplitPublish = "split-publish";
    public const string SchedulePublish = "schedule-publish";
    public const string SolverRun = "solver-run";

    public static async Task PauseIfAskedAsync(string point, CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable(PauseVariable) != point
            || Environment.GetEnvironmentVariable(MarkerVariable) is not { Length: > 0 } marker)
        {
            return;
        }

        await File.WriteAllTextAsync(marker, point, cancellationToken);
        await Task.Delay(TimeSpan.FromMinutes(5), cancellationToken);
    }
}
