using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Reference;
using Tmssw.Core.Scheduling;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// An edition's evaluation report (<see cref="EvaluationReportBuilder"/> does the arithmetic): loads the
/// objectives, the counted participants (Confirmed, Traveling, Completed), what served each objective
/// and whom it reached, the surveys with their invitations and submitted responses, and the indicators.
/// Reach: a confirmed or thanked city meeting reaches its group's members; a program item its audience
/// (the cohort, a group, named participants); a conference session the participants checked in at its
/// door (<see cref="GetAttendance"/>), or, when the edition recorded no attendance at all, a plenary
/// the cohort and a parallel session nobody counted. Cancelled items and sessions serve nothing.
/// The edition's runners only (<see cref="UserScope.MaySeeEvaluation"/>).
/// </summary>
public sealed class GetEvaluationReport(TmsswDbContext db, GetAttendance attendance)
{
    public async Task<EvaluationReport> RunAsync(UserScope scope, int year, CancellationToken ct = default)
    {
        var edition = await db.Editions.AsNoTracking().Include(e => e.Objectives).FirstOrDefaultAsync(e => e.Year == year, ct)
            ?? throw new OutOfScopeException($"edition {year}");
        if (!scope.MaySeeEvaluation(edition.Id))
        {
            throw new OutOfScopeException($"the evaluation of edition {year}");
        }

        var participants = await db.Participants.AsNoTracking()
            .Where(p => p.EditionId == edition.Id && GetTenYearView.Counted.Contains(p.Status))
            .OrderBy(p => p.Id)
            .Select(p => new ReportParticipant(p.Id, p.GroupId, p.Region, p.Country, p.Sector, p.Gender))
            .ToListAsync(ct);
        var counted = participants.Select(p => p.Id).ToHashSet();
        var members = participants.Where(p => p.GroupId is not null).ToLookup(p => p.GroupId!.Value, p => p.Id);

        var servers = new List<ReportServer>();
        servers.AddRange(await MeetingsAsync(edition.Id, members, ct));
        servers.AddRange(await ItemsAsync(edition.Id, counted, members, ct));
        servers.AddRange(await SessionsAsync(scope, edition.Id, year, counted, ct));

        var surveys = await db.Surveys.AsNoTracking().Where(s => s.EditionId == edition.Id)
            .Include(s => s.Questions).ThenInclude(q => q.Choices).OrderBy(s => s.Id).ToListAsync(ct);
        var surveyIds = surveys.Select(s => s.Id).ToList();
        var invited = (await db.SurveyInvitations.AsNoTracking().Where(i => surveyIds.Contains(i.SurveyId))
            .GroupBy(i => i.SurveyId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => x.Key, x => x.Count);
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => surveyIds.Contains(r.SurveyId) && r.SubmittedAt != null)
            .Include(r => r.Answers).OrderBy(r => r.Id).ToListAsync(ct);
        var indicators = await db.PerformanceIndicators.AsNoTracking().Where(i => i.EditionId == edition.Id).ToListAsync(ct);

        return EvaluationReportBuilder.Build(new ReportInput(
            edition.Year, edition.Title,
            edition.Objectives.OrderBy(o => o.Number).Select(o => (o.Number, o.Text)).ToList(),
            participants, servers, surveys, invited, responses, indicators));
    }

    private async Task<List<ReportServer>> MeetingsAsync(int editionId, ILookup<int, int> members, CancellationToken ct)
    {
        var rows = await (from m in db.Meetings.AsNoTracking()
                          join o in db.MeetingOffers.AsNoTracking() on m.MeetingOfferId equals o.Id
                          join h in db.HostOrganizations.AsNoTracking() on o.HostOrganizationId equals h.Id
                          join g in db.Groups.AsNoTracking() on m.GroupId equals g.Id
                          where m.EditionId == editionId && (m.Status == MeetingStatus.Confirmed || m.Status == MeetingStatus.Thanked)
                          select new { m.Id, o.Topic, Host = h.Name, g.CityId, m.GroupId, o.Objectives })
            .ToListAsync(ct);
        return rows.Where(r => r.Objectives.Count > 0)
            .Select(r => new ReportServer("meeting", r.Id, $"{r.Topic} ({r.Host})", CityCatalog.NameOf(r.CityId), r.Objectives,
                members[r.GroupId].ToHashSet(), "group membership"))
            .ToList();
    }

    private async Task<List<ReportServer>> ItemsAsync(int editionId, HashSet<int> counted, ILookup<int, int> members, CancellationToken ct)
    {
        var items = await db.ProgramItems.AsNoTracking().Where(i => i.EditionId == editionId && !i.Cancelled).OrderBy(i => i.Start).ThenBy(i => i.Id).ToListAsync(ct);
        return items.Where(i => i.Objectives.Count > 0)
            .Select(i => new ReportServer("item", i.Id, i.Title, i.CityId is null ? i.VenueName : CityCatalog.NameOf(i.CityId), i.Objectives,
                i.Audience switch
                {
                    Audience.Cohort => counted.ToHashSet(),
                    Audience.Group => i.GroupId is { } g ? members[g].ToHashSet() : [],
                    _ => i.ParticipantIds.Where(counted.Contains).ToHashSet(),
                },
                "item audience"))
            .ToList();
    }

    private async Task<List<ReportServer>> SessionsAsync(UserScope scope, int editionId, int year, HashSet<int> counted, CancellationToken ct)
    {
        var sessions = await db.ConferenceSessions.AsNoTracking().Where(s => s.EditionId == editionId && !s.Cancelled)
            .OrderBy(s => s.Start).ThenBy(s => s.Id).ToListAsync(ct);
        if (!sessions.Any(s => s.Objectives.Count > 0))
        {
            return [];
        }

        var report = await attendance.RunAsync(scope, year, ct);
        var recorded = report.Sessions.Any(s => s.Count > 0);
        var bySession = report.Sessions.ToDictionary(s => s.SessionId,
            s => s.Attendees.Where(a => a.Kind == BadgeRoles.Participant && counted.Contains(a.PersonId)).Select(a => a.PersonId).ToHashSet());
        return sessions.Where(s => s.Objectives.Count > 0)
            .Select(s => recorded
                ? new ReportServer("session", s.Id, s.Title, s.Track, s.Objectives, bySession.GetValueOrDefault(s.Id) ?? [], "conference attendance")
                : s.Kind == SessionKind.Plenary
                    ? new ReportServer("session", s.Id, s.Title, s.Track, s.Objectives, counted.ToHashSet(), "plenary, no attendance recorded")
                    : new ReportServer("session", s.Id, s.Title, s.Track, s.Objectives, new HashSet<int>(), "no attendance recorded"))
            .ToList();
    }
}
