using Tmssw.Core.Editions;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// When each kind of survey runs, from the edition's dates: the pre-program survey the three weeks
/// before the start; the end-of-program survey from the last day for 30 days; the alumni surveys one,
/// three and five years after the end, for 45 days; the host-community survey from the end for 45 days.
/// The invitation goes out the day the survey opens; the reminder after a week or two, before it closes.
/// </summary>
public static class SurveySchedule
{
    /// <summary>The opening and closing instants (UTC midnight), or null when the edition has no dates yet.</summary>
    public static (DateTimeOffset Opens, DateTimeOffset Closes)? Window(Edition edition, SurveyKind kind)
    {
        if (edition.StartDate is not { } start || edition.EndDate is not { } end)
        {
            return null;
        }

        var (opens, closes) = kind switch
        {
            SurveyKind.PreProgram => (start.AddDays(-21), start),
            SurveyKind.EndOfProgram => (end, end.AddDays(30)),
            SurveyKind.AlumniYear1 => (end.AddYears(1), end.AddYears(1).AddDays(45)),
            SurveyKind.AlumniYear3 => (end.AddYears(3), end.AddYears(3).AddDays(45)),
            SurveyKind.AlumniYear5 => (end.AddYears(5), end.AddYears(5).AddDays(45)),
            _ => (end, end.AddDays(45)),
        };
        return (Midnight(opens), Midnight(closes));
    }

    /// <summary>The days to send the invitation and the reminder for a survey's window.</summary>
    public static (DateOnly InviteOn, DateOnly RemindOn) Days(Survey survey)
    {
        var invite = DateOnly.FromDateTime(survey.OpensAt.UtcDateTime);
        var last = DateOnly.FromDateTime(survey.ClosesAt.UtcDateTime).AddDays(-1);
        var remind = invite.AddDays(survey.Kind == SurveyKind.PreProgram ? 14 : 10);
        if (remind > last)
        {
            remind = last < invite ? invite : last;
        }

        return (invite, remind);
    }

    public static DateTimeOffset Midnight(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
