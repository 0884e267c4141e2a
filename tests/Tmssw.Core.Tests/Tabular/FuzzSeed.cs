using System.Globalization;

namespace Tmssw.Core.Tests.Tabular;

/// <summary>
/// The seed of a fuzz run: TMSSW_FUZZ_SEED when set (to replay a failure), else a fresh one. The
/// test prints it, and every failure message repeats it with the case number.
/// </summary>
internal static class FuzzSeed
{
    public const string Variable = "TMSSW_FUZZ_SEED";

    public static int Next() =>
        int.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : Random.Shared.Next();
}
