using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Evaluation;
using Tmssw.Core.Mail;
using Tmssw.Core.Tests.Partners;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Evaluation;

/// <summary>
/// Surveys on the demo database with the real services and a settable clock: built by staff (hostile
/// input refused with errors that name the field), invitations scheduled from the survey's window and
/// queued in the outbox, answered through a personal link (partial answers kept, once only, refused when
/// closed, not open or unknown), and each role's reach.
/// </summary>
public sealed class SurveyTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string?> En(string text) => new() { ["en"] = text };

    /// <summary>A new end-of-program survey open Mar 2 – Mar 20, 2026: a required Likert, a required number 0–50, a multiple choice, a free text; invitations scheduled.</summary>
    private static async Task<(int Survey, int Likert, int Number, int Multiple, int Free)> BuildAsync(PartnersWorld w)
    {
        w.Clock.Now = Day1;
        var (survey, errors) = await w.RunAsync<SaveSurvey, (int?, IReadOnlyDictionary<string, string>)>(s => s.RunAsync(w.Staff(), 2024,
            new SurveyInput(null, "EndOfProgram", true, new Dictionary<string, string?> { ["en"] = "Test survey", ["ar"] = "استبيان" }, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 20))));
        Assert.Empty(errors);
        async Task<int> Add(QuestionInput q)
        {
            var (id, e) = await w.RunAsync<SaveSurveyQuestion, (int?, IReadOnlyDictionary<string, string>)>(s => s.RunAsync(w.Staff(), 2024, survey!.Value, q));
            Assert.True(e.Count == 0, string.Join("; ", e.Values));
            return id!.Value;
        }

        var likert = await Add(new QuestionInput(null, "Likert5", En("Knowledge of task forces"), Required: true, PairKey: "knowledge-test", ObjectiveNumber: 2, Measure: "Knowledge"));
        var number = await Add(new QuestionInput(null, "number", En("New contacts"), Required: true, Min: 0, Max: 50, Measure: "NewConnections"));
        var multiple = await Add(new QuestionInput(null, "MultipleChoice", En("Most useful"), new Dictionary<string, string?> { ["en"] = "Plenary\nCity week\nConference", ["es"] = "Plenaria\nSemana\nConferencia" }));
        var free = await Add(new QuestionInput(null, "FreeText", En("Anything else?")));
        var (added, result) = await w.RunAsync<ScheduleSurveyInvitations, (int, Result)>(s => s.RunAsync(w.Staff(), 2024, survey!.Value));
        Assert.True(result.Succeeded, result.Error);
        Assert.True(added > 20, $"{added} invitations");
        return (survey!.Value, likert, number, multiple, free);
    }

    private static async Task<IReadOnlyList<SurveyLinkLine>> LinksAsync(PartnersWorld w, int survey) =>
        await w.RunAsync<ListSurveyLinks, IReadOnlyList<SurveyLinkLine>>(s => s.RunAsync(w.Staff(), 2024, survey));

    private static string TokenOf(SurveyLinkLine line) => Uri.UnescapeDataString(new Uri(line.Url).AbsolutePath["/survey/".Length..]);

    private static Task<SurveySaveOutcome> SaveAsync(PartnersWorld w, string token, Dictionary<int, IReadOnlyList<string>> typed, bool submit) =>
        w.RunAsync<SaveSurveyAnswers, SurveySaveOutcome>(s => s.RunAsync(token, "en", typed, submit));

    private static Task<SurveyForm> FormAsync(PartnersWorld w, string? token, string? lang = null) =>
        w.RunAsync<GetSurveyForm, SurveyForm>(s => s.RunAsync(token, lang));

    [Theory, ProviderData]
    public async Task A_survey_is_answered_once_through_its_link_keeping_partial_answers(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var (survey, likert, number, multiple, free) = await BuildAsync(w);
        var line = (await LinksAsync(w, survey))[0];
        var token = TokenOf(line);
        Assert.Equal(SecretTokens.Hash(token), await w.QueryInvitationHashAsync(line.InvitationId));

        // A partial save: the Likert answer is kept, the wrong number is not, and says why.
        var partial = await SaveAsync(w, token, new() { [likert] = ["4"], [number] = ["lots"], [multiple] = [] }, submit: false);
        Assert.Equal(SurveyFormState.Open, partial.State);
        Assert.Equal(new[] { number }, partial.Errors.Keys);
        Assert.Equal("Please give a number.", partial.Errors[number]);
        var form = await FormAsync(w, token);
        Assert.Equal(SurveyFormState.Open, form.State);
        Assert.Equal(4m, form.Answers[likert].Number);
        Assert.False(form.Answers.ContainsKey(number));
        await using (var db = w.Db())
        {
            Assert.Equal(InvitationStatus.Started, (await db.SurveyInvitations.SingleAsync(i => i.Id == line.InvitationId)).Status);
        }

        // Submitting without the required number is refused; out of range too; then it goes through.
        var missing = await SaveAsync(w, token, new() { [free] = ["Thanks"] }, submit: true);
        Assert.False(missing.Submitted);
        Assert.Equal("Please answer this question.", missing.Errors[number]);
        var range = await SaveAsync(w, token, new() { [number] = ["51"] }, submit: true);
        Assert.Equal("Please give a number from 0 to 50.", range.Errors[number]);
        var choices = await w.QueryAsync(db => db.SurveyChoices.Where(c => c.QuestionId == multiple).OrderBy(c => c.Order).Select(c => c.Id).ToListAsync());
        var done = await SaveAsync(w, token, new() { [number] = ["7"], [multiple] = [$"{choices[0]}", $"{choices[2]}"] }, submit: true);
        Assert.True(done.Submitted, string.Join("; ", done.Errors.Values));

        // Once only: the link now answers "already answered" and changes nothing.
        var again = await SaveAsync(w, token, new() { [likert] = ["1"] }, submit: true);
        Assert.Equal(SurveyFormState.AlreadyAnswered, again.State);
        Assert.Equal(SurveyFormState.AlreadyAnswered, (await FormAsync(w, token)).State);

        await using (var db = w.Db())
        {
            var response = await db.SurveyResponses.Include(r => r.Answers).SingleAsync(r => r.SurveyId == survey);
            Assert.Equal(4m, response.Answers.Single(a => a.QuestionId == likert).Number);
            Assert.Equal(7m, response.Answers.Single(a => a.QuestionId == number).Number);
            Assert.Equal(new[] { choices[0], choices[2] }, response.Answers.Single(a => a.QuestionId == multiple).ChoiceIds);
            Assert.Equal("Thanks", response.Answers.Single(a => a.QuestionId == free).Text);

            // Anonymous: the response names no invitation and keeps only the day; the invitation keeps no time.
            Assert.Null(response.InvitationId);
            Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), response.SubmittedAt);
            Assert.Matches("^[0-9a-f]{64}$", response.RespondentKey);
            var invitation = await db.SurveyInvitations.SingleAsync(i => i.Id == line.InvitationId);
            Assert.Equal((InvitationStatus.Submitted, (DateTimeOffset?)null), (invitation.Status, invitation.SubmittedAt));
        }
    }

    [Theory, ProviderData]
    public async Task A_closed_survey_one_not_open_yet_and_an_unknown_or_forged_link_are_refused(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var (survey, likert, _, _, _) = await BuildAsync(w);
        var token = TokenOf((await LinksAsync(w, survey))[1]);

        w.Clock.Now = new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(SurveyFormState.NotYetOpen, (await FormAsync(w, token)).State);
        Assert.Equal(SurveyFormState.NotYetOpen, (await SaveAsync(w, token, new() { [likert] = ["3"] }, false)).State);

        w.Clock.Now = new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(SurveyFormState.Closed, (await FormAsync(w, token)).State);
        Assert.Equal(SurveyFormState.Closed, (await SaveAsync(w, token, new() { [likert] = ["3"] }, true)).State);
        Assert.Equal(0, await w.QueryAsync(db => db.SurveyResponses.CountAsync(r => r.SurveyId == survey)));

        w.Clock.Now = Day1;
        foreach (var forged in new[] { SecretTokens.New(), token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), "", "x", new string('a', 5000), "'; DROP TABLE \"SurveyInvitations\"; --", "../../etc/passwd\0" })
        {
            Assert.Equal(SurveyFormState.UnknownLink, (await FormAsync(w, forged)).State);
            Assert.Equal(SurveyFormState.UnknownLink, (await SaveAsync(w, forged, new() { [likert] = ["3"] }, true)).State);
        }

        // Hostile answers to a real link: values that are no choice, no number, far too long: errors, never an exception.
        var hostile = await SaveAsync(w, token, new() { [likert] = ["6"], [-5] = ["x"] }, false);
        Assert.Equal("Please choose one answer.", hostile.Errors[likert]);
        Assert.Equal(SurveyFormState.Open, hostile.State);
    }

    [Theory, ProviderData]
    public async Task The_builder_refuses_hostile_input_with_errors_that_name_the_field(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var (survey, _, _, _, _) = await BuildAsync(w);
        async Task<IReadOnlyDictionary<string, string>> Try(QuestionInput q)
        {
            var (id, errors) = await w.RunAsync<SaveSurveyQuestion, (int?, IReadOnlyDictionary<string, string>)>(s => s.RunAsync(w.Staff(), 2024, survey, q));
            Assert.Null(id);
            return errors;
        }

        Assert.Contains("choose one of Likert5, SingleChoice, MultipleChoice, Number, FreeText", (await Try(new(null, "Essay", En("Q")))).GetValueOrDefault("Type"));
        Assert.Contains("Type", (await Try(new(null, "7", En("Q")))).Keys);
        Assert.Contains("(English) is required", (await Try(new(null, "FreeText", new Dictionary<string, string?> { ["fr"] = "Question" }))).GetValueOrDefault("Text.en"));
        Assert.Equal("Question (ar) is 501 characters; at most 500.", (await Try(new(null, "FreeText", new Dictionary<string, string?> { ["en"] = "Q", ["ar"] = new string('س', 501) })))["Text.ar"]);
        Assert.Contains("not a language of the program", (await Try(new(null, "FreeText", new Dictionary<string, string?> { ["en"] = "Q", ["xx"] = "?" })))["Text.xx"]);
        Assert.Contains("from 2 to 20 choices", (await Try(new(null, "SingleChoice", En("Q"), En("Only one"))))["Choices.en"]);
        Assert.Contains("2 lines for 3 English choices", (await Try(new(null, "SingleChoice", En("Q"), new Dictionary<string, string?> { ["en"] = "a\nb\nc", ["es"] = "a\nb" })))["Choices.es"]);
        Assert.Contains("Likert5 or a Number", (await Try(new(null, "FreeText", En("Q"), PairKey: "knowledge")))["PairKey"]);
        Assert.Contains("already has the pair key", (await Try(new(null, "Likert5", En("Q"), PairKey: "knowledge-test")))["PairKey"]);
        Assert.Contains("letters, digits and hyphens", (await Try(new(null, "Likert5", En("Q"), PairKey: "<script>")))["PairKey"]);
        Assert.Equal("Objective 9 is not one of the 2024 edition's objectives.", (await Try(new(null, "Likert5", En("Q"), ObjectiveNumber: 9)))["ObjectiveNumber"]);
        Assert.Contains("is not a theme", (await Try(new(null, "Likert5", En("Q"), Theme: "astrology")))["Theme"]);
        Assert.Contains("Number questions only", (await Try(new(null, "Likert5", En("Q"), Min: 1)))["Min"]);
        Assert.Contains("must not be below", (await Try(new(null, "Number", En("Q"), Min: 5, Max: 1)))["Max"]);
        Assert.Equal(4, await w.QueryAsync(db => db.SurveyQuestions.CountAsync(q => q.SurveyId == survey)));

        var (none, surveyErrors) = await w.RunAsync<SaveSurvey, (int?, IReadOnlyDictionary<string, string>)>(s => s.RunAsync(w.Staff(), 2024,
            new SurveyInput(null, "Weekly", true, new Dictionary<string, string?> { ["en"] = new string('t', 201) }, null, new DateOnly(2026, 3, 5), new DateOnly(2026, 3, 1))));
        Assert.Null(none);
        Assert.Contains("choose one of PreProgram", surveyErrors["Kind"]);
        Assert.Equal("Title (en) is 201 characters; at most 200.", surveyErrors["Title.en"]);
        Assert.Equal("The closing day must come after the opening day.", surveyErrors["Closes"]);

        // Once someone has answered, only texts change.
        var token = TokenOf((await LinksAsync(w, survey))[0]);
        var likert = await w.QueryAsync(db => db.SurveyQuestions.Where(q => q.SurveyId == survey && q.Order == 1).Select(q => q.Id).SingleAsync());
        Assert.Equal(SurveyFormState.Open, (await SaveAsync(w, token, new() { [likert] = ["2"] }, false)).State);
        Assert.Contains("only the texts", (await Try(new(likert, "Number", En("Q"))))[""]);
        var (kept, textErrors) = await w.RunAsync<SaveSurveyQuestion, (int?, IReadOnlyDictionary<string, string>)>(s => s.RunAsync(w.Staff(), 2024, survey,
            new QuestionInput(likert, "Likert5", new Dictionary<string, string?> { ["en"] = "Knowledge of task forces (reworded)", ["ru"] = "Знания" }, Required: true, PairKey: "knowledge-test")));
        Assert.Equal(likert, kept);
        Assert.Empty(textErrors);
    }

    [Theory, ProviderData]
    public async Task Invitations_and_reminders_wait_in_the_outbox_with_each_persons_link(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider, new MailSettings(null, null, "https://tmssw.example.org"));
        var (survey, likert, number, _, _) = await BuildAsync(w);
        var links = await LinksAsync(w, survey);
        Assert.All(links, l => Assert.StartsWith("https://tmssw.example.org/survey/", l.Url, StringComparison.Ordinal));
        Assert.All(links, l => Assert.Equal((new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 12)), (l.InviteOn, l.RemindOn)));
        Assert.Equal(links.Count, links.Select(l => l.Url).Distinct().Count());

        var (invited, reminded) = await w.RunAsync<QueueSurveyMessages, (int, int)>(s => s.RunAsync(w.Staff(), 2024, survey));
        Assert.Equal((links.Count, 0), (invited, reminded));
        await using (var db = w.Db())
        {
            var messages = await db.OutboxMessages.Where(m => m.Template == MailTemplate.SurveyInvitation).ToListAsync();
            Assert.Equal(links.Count, messages.Count);
            Assert.All(messages, m => Assert.Equal(OutboxStatus.Waiting, m.Status));
            var first = messages.Single(m => m.ParticipantId == links[0].ParticipantId);
            Assert.Contains(links[0].Url, first.Body, StringComparison.Ordinal);
        }

        // One person submits; on the reminder day everyone else gets a reminder, queued once.
        Assert.True((await SaveAsync(w, TokenOf(links[0]), new() { [likert] = ["5"], [number] = ["3"] }, true)).Submitted);
        w.Clock.Now = new DateTimeOffset(2026, 3, 12, 8, 0, 0, TimeSpan.Zero);
        Assert.Equal((0, links.Count - 1), await w.RunAsync<QueueSurveyMessages, (int, int)>(s => s.RunAsync(w.Staff(), 2024, survey)));
        Assert.Equal((0, 0), await w.RunAsync<QueueSurveyMessages, (int, int)>(s => s.RunAsync(w.Staff(), 2024, survey)));
        Assert.Equal(0, await w.QueryAsync(db => db.OutboxMessages.CountAsync(m => m.Template == MailTemplate.SurveyReminder && m.ParticipantId == links[0].ParticipantId)));
    }

    [Theory, ProviderData]
    public async Task A_participant_sees_only_their_own_surveys_a_host_its_community_survey_and_other_staff_nothing(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider);
        var (survey, _, _, _, _) = await BuildAsync(w);
        var links = await LinksAsync(w, survey);
        var me = links[3].ParticipantId!.Value;
        var participant = new UserScope("p", "Participant", new HashSet<string> { Roles.Participant }, new HashSet<int>(), ParticipantId: me);
        var own = await w.RunAsync<ListOwnSurveys, IReadOnlyList<OwnSurveyLine>>(s => s.RunAsync(participant, "en"));
        var demoSurveys = await w.QueryAsync(db => db.Surveys.CountAsync(s => s.Kind != SurveyKind.HostCommunity));
        Assert.Equal(demoSurveys, own.Count);
        Assert.Contains(own, o => o.SurveyId == survey && o.LinkPath == new Uri(links[3].Url).AbsolutePath);
        Assert.All(own, o => Assert.Equal(links[3].Respondent, o.Respondent));

        var hostCity = await w.QueryAsync(db => db.SurveyInvitations.Where(i => i.HostOrganizationId != null)
            .Join(db.HostOrganizations, i => i.HostOrganizationId, h => h.Id, (i, h) => h.CityId).FirstAsync());
        var host = await w.RunAsync<ListOwnSurveys, IReadOnlyList<OwnSurveyLine>>(s => s.RunAsync(PartnersWorld.Host(hostCity), "en"));
        Assert.NotEmpty(host);
        Assert.All(host, h => Assert.Equal(SurveyKind.HostCommunity, h.Kind));
        var hostNames = await w.QueryAsync(db => db.HostOrganizations.Where(h => h.CityId == hostCity).Select(h => h.Name).ToListAsync());
        Assert.All(host, h => Assert.Contains(hostNames, n => h.Respondent.StartsWith(n, StringComparison.Ordinal)));
        Assert.Empty(await w.RunAsync<ListOwnSurveys, IReadOnlyList<OwnSurveyLine>>(s => s.RunAsync(w.Staff(), "en")));

        var otherStaff = new UserScope("o", "Other staff", new HashSet<string> { Roles.Staff }, new HashSet<int> { w.EditionId + 1000 });
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ListSurveyLinks, IReadOnlyList<SurveyLinkLine>>(s => s.RunAsync(otherStaff, 2024, survey)));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<SaveSurveyQuestion, (int?, IReadOnlyDictionary<string, string>)>(s => s.RunAsync(participant, 2024, survey, new QuestionInput(null, "FreeText", En("Q")))));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<SetObjectiveLinks, Result>(s => s.RunAsync(PartnersWorld.Host(hostCity), 2024, ObjectiveTarget.MeetingOffer, 1, [1])));
    }

    [Theory, ProviderData]
    public async Task The_demo_has_paired_surveys_with_synthetic_varied_responses_and_objective_links(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider, assignGroups: false);
        await using var db = w.Db();
        var surveys = await db.Surveys.Include(s => s.Questions).Where(s => s.EditionId == w.EditionId).ToListAsync();
        Assert.Equal(new[] { SurveyKind.PreProgram, SurveyKind.EndOfProgram, SurveyKind.AlumniYear1, SurveyKind.AlumniYear3, SurveyKind.HostCommunity }, surveys.Select(s => s.Kind).Order());
        var pre = surveys.Single(s => s.Kind == SurveyKind.PreProgram);
        var end = surveys.Single(s => s.Kind == SurveyKind.EndOfProgram);
        var pairs = pre.Questions.Where(q => q.PairKey != null).Select(q => q.PairKey).Order().ToList();
        Assert.Equal(3, pairs.Count);
        Assert.Equal(pairs, end.Questions.Where(q => q.PairKey != null).Select(q => q.PairKey).Order().ToList());
        Assert.Contains(end.Questions, q => q.Measure == QuestionMeasure.NewConnections);

        var responses = await db.SurveyResponses.Include(r => r.Answers).Where(r => r.SurveyId == pre.Id || r.SurveyId == end.Id).ToListAsync();
        Assert.All(responses, r => Assert.True(r.IsSynthetic));
        var invitations = await db.SurveyInvitations.Where(i => i.SurveyId == end.Id).ToListAsync();
        Assert.Contains(invitations, i => i.Status == InvitationStatus.Pending);
        Assert.Contains(invitations, i => i.Status == InvitationStatus.Submitted);
        Assert.Contains(await db.SurveyInvitations.Where(i => i.SurveyId == pre.Id || i.SurveyId == end.Id).ToListAsync(), i => i.Status == InvitationStatus.Started);

        // Paired through the respondent key: the shift is positive on average, but not for everyone.
        var knowledge = pre.Questions.Single(q => q.PairKey == "knowledge-task-forces").Id;
        var after = end.Questions.Single(q => q.PairKey == "knowledge-task-forces").Id;
        var before = responses.Where(r => r.SurveyId == pre.Id && r.SubmittedAt != null).ToDictionary(r => r.RespondentKey, r => r.Answers.Single(a => a.QuestionId == knowledge).Number!.Value);
        var shifts = responses.Where(r => r.SurveyId == end.Id && r.SubmittedAt != null && before.ContainsKey(r.RespondentKey))
            .Select(r => r.Answers.Single(a => a.QuestionId == after).Number!.Value - before[r.RespondentKey]).ToList();
        Assert.True(shifts.Count >= 25, $"{shifts.Count} pairs");
        Assert.True(shifts.Average() > 0.5m, $"mean shift {shifts.Average()}");
        Assert.Contains(shifts, s => s <= 0);

        Assert.True(await db.MeetingOffers.Where(o => o.EditionId == w.EditionId).AllAsync(o => o.Objectives.Count > 0));
        Assert.True(await db.ProgramItems.CountAsync(i => i.EditionId == w.EditionId && i.Objectives.Count > 0) >= 10);
    }

    [Fact]
    public void Every_language_has_every_respondent_text()
    {
        var keys = SurveyText.Keys();
        Assert.True(keys.Count > 30);
        foreach (var language in Core.Itineraries.TravellerText.Languages.Where(l => l != "en"))
        {
            var missing = keys.Except(SurveyText.KeysOf(language)).ToList();
            Assert.True(missing.Count == 0, $"{language} misses {string.Join(", ", missing)}");
        }

        Assert.Equal("Gracias: sus respuestas se enviaron.", SurveyText.Get("Thanks", "es"));
        Assert.Equal(SurveyText.Get("Thanks", "en"), SurveyText.Get("Thanks", "xx"));
    }
}

internal static class SurveyWorldExtensions
{
    public static async Task<T> QueryAsync<T>(this PartnersWorld w, Func<Tmssw.Core.Data.TmsswDbContext, Task<T>> query)
    {
        await using var db = w.Db();
        return await query(db);
    }

    public static Task<string> QueryInvitationHashAsync(this PartnersWorld w, int id) =>
        w.QueryAsync(db => db.SurveyInvitations.Where(i => i.Id == id).Select(i => i.TokenHash).SingleAsync());
}
