using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Evaluation;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Tests.Evaluation;

/// <summary>
/// Known survey data for the 2024 demo edition, written straight to the database: a pre-program and an
/// end-of-program survey (14 invited each), a paired knowledge question, an agreement question, a
/// new-connections question and a free-text question, and a fifth objective served by one group's
/// program item and one conference session. Tests recompute the report from these raw rows.
/// </summary>
internal static class EvaluationSeed
{
    public const string PairKey = "test-task-forces";
    public const int Objective = 5;
    public static readonly int[] Before = [2, 1, 3, 2, 2, 1, 3, 2, 1, 2, 3, 2];
    public static readonly int[] After = [4, 3, 4, 3, 5, 3, 4, 4, 3, 4];
    public static readonly int[] Agree = [5, 4, 4, 3, 5, 2, 4, 4, 5, 4];
    public static readonly int[] Connections = [3, 0, 5, 2, 1, 0, 4, 6, 2, 1];

    public sealed record Ids(int Pre, int End, int AgreeQuestion, int ConnectionsQuestion, int ItemId, int SessionId);

    public static async Task<Ids> AddAsync(TmsswDbContext db, int editionId)
    {
        var now = new DateTimeOffset(2024, 5, 20, 12, 0, 0, TimeSpan.Zero);
        db.Objectives.Add(new Objective { EditionId = editionId, Number = Objective, Text = "Test objective (synthetic)" });
        Survey NewSurvey(SurveyKind kind, string title) => new()
        {
            EditionId = editionId, Kind = kind, Title = LocalizedText.Of(title), Intro = LocalizedText.Of(""),
            OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(30), UpdatedAt = now, UpdatedBy = "test",
        };
        var pre = NewSurvey(SurveyKind.PreProgram, "Test pre-program survey");
        pre.Questions.Add(new SurveyQuestion { Order = 1, Type = QuestionType.Likert5, Text = LocalizedText.Of("My knowledge of task forces (test)"), PairKey = PairKey, ObjectiveNumber = Objective, Measure = QuestionMeasure.Knowledge });
        var end = NewSurvey(SurveyKind.EndOfProgram, "Test end-of-program survey");
        end.Questions.Add(new SurveyQuestion { Order = 1, Type = QuestionType.Likert5, Text = LocalizedText.Of("My knowledge of task forces now (test)"), PairKey = PairKey, ObjectiveNumber = Objective, Measure = QuestionMeasure.Knowledge });
        end.Questions.Add(new SurveyQuestion { Order = 2, Type = QuestionType.Likert5, Text = LocalizedText.Of("I gained new knowledge of task forces (test)"), ObjectiveNumber = Objective });
        end.Questions.Add(new SurveyQuestion { Order = 3, Type = QuestionType.Number, Text = LocalizedText.Of("New professional connections (test)"), Measure = QuestionMeasure.NewConnections, Min = 0, Max = 500 });
        end.Questions.Add(new SurveyQuestion { Order = 4, Type = QuestionType.FreeText, Text = LocalizedText.Of("What will you use (test)"), Theme = "cybercrime" });
        db.Surveys.AddRange(pre, end);
        await db.SaveChangesAsync();

        var people = await db.Participants.Where(p => p.EditionId == editionId && p.Status == NominationStatus.Confirmed).OrderBy(p => p.Id).Take(14).Select(p => p.Id).ToListAsync();
        foreach (var survey in new[] { pre, end })
        {
            foreach (var id in people)
            {
                db.SurveyInvitations.Add(new SurveyInvitation
                {
                    SurveyId = survey.Id, ParticipantId = id, ContactName = $"p{id}", TokenHash = $"test-{survey.Id}-{id}", TokenProtected = "x",
                    InviteOn = new DateOnly(2024, 5, 20), RemindOn = new DateOnly(2024, 5, 27), CreatedAt = now,
                });
            }
        }

        SurveyResponse Response(Survey s, int k, bool submitted) => new()
        {
            SurveyId = s.Id, RespondentKey = $"k{k:00}", StartedAt = now, UpdatedAt = now, SubmittedAt = submitted ? now : null,
        };
        for (var k = 0; k < Before.Length; k++)
        {
            var r = Response(pre, k, true);
            r.Answers.Add(new SurveyAnswer { QuestionId = pre.Questions[0].Id, Number = Before[k] });
            db.SurveyResponses.Add(r);
        }

        for (var k = 0; k < 12; k++)
        {
            // Respondents 10 and 11 saved answers but never submitted: they count nowhere.
            var submitted = k < After.Length;
            var r = Response(end, k, submitted);
            r.Answers.Add(new SurveyAnswer { QuestionId = end.Questions[0].Id, Number = submitted ? After[k] : 5 });
            r.Answers.Add(new SurveyAnswer { QuestionId = end.Questions[1].Id, Number = submitted ? Agree[k] : 1 });
            r.Answers.Add(new SurveyAnswer { QuestionId = end.Questions[2].Id, Number = submitted ? Connections[k] : 99 });
            if (k < 8)
            {
                r.Answers.Add(new SurveyAnswer { QuestionId = end.Questions[3].Id, Text = $"Answer {k} (synthetic)", Theme = k < 2 ? "Networking" : null });
            }

            db.SurveyResponses.Add(r);
        }

        var item = await db.ProgramItems.Where(i => i.EditionId == editionId && i.Audience == Tmssw.Core.Itineraries.Audience.Group && !i.Cancelled).OrderBy(i => i.Id).FirstAsync();
        item.Objectives = [.. item.Objectives, Objective];
        var sessionId = await db.CheckIns.Where(c => c.EditionId == editionId).OrderBy(c => c.SessionId).Select(c => c.SessionId).FirstAsync();
        var session = await db.ConferenceSessions.SingleAsync(s => s.Id == sessionId);
        session.Objectives = [.. session.Objectives, Objective];
        await db.SaveChangesAsync();
        return new Ids(pre.Id, end.Id, end.Questions[1].Id, end.Questions[2].Id, item.Id, session.Id);
    }
}
