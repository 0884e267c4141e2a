using System.Globalization;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Planning.Splits;

namespace Tmssw.Core.Splits;

/// <summary>After a manual change: the new evaluation (score breakdown and broken rules), or why nothing changed.</summary>
public sealed record SplitChangeOutcome(string? Error, SplitEvaluation? Evaluation = null, SplitPlan? Plan = null)
{
    public bool Succeeded => Error is null;
}
