using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Evaluation;
using Tmssw.Core.Hosts;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Mail;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Demo;

/// <summary>
/// The evaluation side of the 2024 demo. The objectives each meeting offer and program item serves are
/// set from their host's kind, themes and titles (the conference sessions carry theirs already). Five
/// surveys: before the program and at its end (anonymous, with three paired before/after questions on
/// knowledge and skills, new connections, usefulness and free text coded to themes), one year later, three
/// years later (not open yet) and the host communities' (named). Every 2024 survey but the +3 one is
/// answered by synthetic respondents (<see cref="SurveyResponse.IsSynthetic"/>), from a fixed seed: most
/// answer, some never do, a few leave a partial response; the shifts are mostly positive but varied.
/// Loaded once (skipped when the edition has surveys).
/// </summary>
internal static class DemoEvaluation
{
    private const int Seed = 2024_13;

    private static readonly string[] Likert = ["Very limited", "Basic", "Moderate", "Good", "Expert"];

    private static readonly (string Theme, string Text)[] HopeTexts =
    [
        ("Task forces", "How U.S. task forces bring federal, state and local agencies together on one case."),
        ("Information sharing", "Practical ways to share intelligence with foreign partners quickly and lawfully."),
        ("Synthetic opioids", "How investigators trace precursor chemicals and fentanyl shipments."),
        ("Victim services", "How victim service providers work with police in trafficking cases."),
        ("Networking", "To meet counterparts I can call when a case crosses borders."),
        ("Prosecution", "How prosecutors build cases with evidence from several countries."),
    ];

    private static readonly (string Theme, string Text)[] ChangeTexts =
    [
        ("Task forces", "Propose a joint unit with customs and the prosecutor's office for drug cases."),
        ("Task forces", "Use the task-force memorandum model we saw in the city week."),
        ("Information sharing", "Set up a secure channel with two colleagues from the program."),
        ("Information sharing", "Ask for data through the liaison officers instead of formal letters only."),
        ("Networking", "Keep the group chat alive and call colleagues before sending formal requests."),
        ("Networking", "Invite two program colleagues to our regional training next year."),
        ("Victim services", "Bring a victim advocate into the first interview of trafficking cases."),
        ("Training", "Train my unit on what I learned about open-source investigations."),
        ("Logistics", "Nothing to change in my work, but the program days were very long."),
    ];

    private static readonly (string Theme, string Text)[] HostTexts =
    [
        ("Scheduling", "More time for questions; the visit felt short."),
        ("Interpretation", "Interpretation worked well; send the list of languages earlier."),
        ("Networking", "Our officers kept in touch with two visitors. Please come back."),
        ("Logistics", "Share the group's arrival time the day before."),
    ];

    public static async Task AddAsync(TmsswDbContext db, int editionId, IDataProtectionProvider protection, TimeProvider clock, CancellationToken ct)
    {
        await LinkObjectivesAsync(db, editionId, ct);
        if (await db.Surveys.AnyAsync(s => s.EditionId == editionId, ct))
        {
            return;
        }

        var edition = await db.Editions.AsNoTracking().SingleAsync(e => e.Id == editionId, ct);
        var keys = new RespondentKeys(db, protection);
        var now = clock.GetUtcNow();
        var pre = Survey(editionId, SurveyKind.PreProgram, true, now,
            LocalizedText.Of("Before the program: what you know today", "Antes del programa: lo que sabe hoy", "Avant le programme : ce que vous savez aujourd'hui",
                "قبل البرنامج: ما تعرفه اليوم", "Перед программой: что вы знаете сегодня", "Antes do programa: o que você sabe hoje"),
            LocalizedText.Of("Five minutes, anonymous. We ask the same questions at the end of the program to see what changed."));
        var end = Survey(editionId, SurveyKind.EndOfProgram, true, now,
            LocalizedText.Of("End of the program: tell us how it went", "Fin del programa: cuéntenos cómo le fue", "Fin du programme : dites-nous comment cela s'est passé",
                "نهاية البرنامج: أخبرنا عن تجربتك", "Окончание программы: расскажите, как всё прошло", "Fim do programa: conte-nos como foi"),
            LocalizedText.Of("Ten minutes, anonymous. Your answers shape the next edition."));
        var alumni1 = Survey(editionId, SurveyKind.AlumniYear1, true, now, LocalizedText.Of("One year later: what you used"), LocalizedText.Of("Five minutes, anonymous."));
        var alumni3 = Survey(editionId, SurveyKind.AlumniYear3, true, now, LocalizedText.Of("Three years later: what lasted"), LocalizedText.Of("Five minutes, anonymous."));
        var host = Survey(editionId, SurveyKind.HostCommunity, false, now, LocalizedText.Of("Host communities: your visit"), LocalizedText.Of("For the organizations that received a group."));
        foreach (var s in new[] { pre, end, alumni1, alumni3, host })
        {
            var window = SurveySchedule.Window(edition, s.Kind)!.Value;
            (s.OpensAt, s.ClosesAt) = window;
        }

        AddPairs(pre);
        pre.Questions.Add(Q(4, QuestionType.FreeText, LocalizedText.Of("What do you most hope to learn?", "¿Qué espera aprender sobre todo?", "Qu'espérez-vous surtout apprendre ?",
            "ما أكثر ما تأمل أن تتعلمه؟", "Чему вы больше всего надеетесь научиться?", "O que você mais espera aprender?")));
        AddPairs(end);
        end.Questions.Add(Q(4, QuestionType.Number, LocalizedText.Of("How many new professional contacts did you make that you expect to keep?",
            "¿Cuántos contactos profesionales nuevos hizo que espera mantener?", "Combien de nouveaux contacts professionnels comptez-vous garder ?",
            "كم عدد المعارف المهنية الجديدة التي تتوقع الحفاظ عليها؟", "Сколько новых профессиональных контактов вы рассчитываете сохранить?",
            "Quantos novos contatos profissionais você espera manter?"), objective: 4, measure: QuestionMeasure.NewConnections, required: true, min: 0, max: 200));
        end.Questions.Add(Q(5, QuestionType.Likert5, LocalizedText.Of("Overall, how useful was the program for your work?", "En general, ¿qué tan útil fue el programa para su trabajo?",
            "Dans l'ensemble, le programme a-t-il été utile pour votre travail ?", "إجمالًا، ما مدى فائدة البرنامج لعملك؟", "В целом, насколько программа полезна для вашей работы?",
            "No geral, qual foi a utilidade do programa para o seu trabalho?"), measure: QuestionMeasure.Satisfaction, required: true,
            choices: ["Not useful", "Slightly useful", "Useful", "Very useful", "Essential"]));
        end.Questions.Add(Q(6, QuestionType.MultipleChoice, LocalizedText.Of("Which parts were most useful?", "¿Qué partes fueron más útiles?", "Quelles parties ont été les plus utiles ?",
            "ما الأجزاء الأكثر فائدة؟", "Какие части были наиболее полезны?", "Quais partes foram mais úteis?"), objective: 3,
            choices: ["Washington plenary", "Tampa workshop", "City week meetings", "Home hospitality", "New York conference"]));
        end.Questions.Add(Q(7, QuestionType.FreeText, LocalizedText.Of("What will you do differently in your work?", "¿Qué hará de otra manera en su trabajo?",
            "Que ferez-vous autrement dans votre travail ?", "ما الذي ستفعله بشكل مختلف في عملك؟", "Что вы будете делать иначе в своей работе?",
            "O que você fará de forma diferente no seu trabalho?"), objective: 2));
        alumni1.Questions.Add(Q(1, QuestionType.Number, LocalizedText.Of("With how many program contacts have you worked on a case or project since the program?"), objective: 4, measure: QuestionMeasure.NewConnections, required: true, min: 0, max: 200));
        alumni1.Questions.Add(Q(2, QuestionType.SingleChoice, LocalizedText.Of("Have you applied something from the program in your work?"), objective: 2, required: true,
            choices: ["Yes, a new procedure or unit", "Yes, a joint investigation or exchange", "Not yet"]));
        alumni1.Questions.Add(Q(3, QuestionType.FreeText, LocalizedText.Of("Tell us about one thing that changed.")));
        alumni3.Questions.Add(Q(1, QuestionType.Number, LocalizedText.Of("With how many program contacts are you still in touch?"), objective: 4, measure: QuestionMeasure.NewConnections, min: 0, max: 200));
        host.Questions.Add(Q(1, QuestionType.Likert5, LocalizedText.Of("How valuable was the visit for your organization?"), objective: 1, measure: QuestionMeasure.Satisfaction, required: true,
            choices: ["Not valuable", "Slightly", "Valuable", "Very valuable", "Exceptional"]));
        host.Questions.Add(Q(2, QuestionType.SingleChoice, LocalizedText.Of("Would you receive a group again?"), required: true, choices: ["Yes", "Maybe", "No"]));
        host.Questions.Add(Q(3, QuestionType.FreeText, LocalizedText.Of("What could we do better?")));
        db.Surveys.AddRange(pre, end, alumni1, alumni3, host);
        await db.SaveChangesAsync(ct);

        var people = await db.Participants.AsNoTracking().Where(p => p.EditionId == editionId && ScheduleSurveyInvitations.Invited.Contains(p.Status)).OrderBy(p => p.Id).ToListAsync(ct);
        var groupCities = db.Groups.Where(g => g.EditionId == editionId).Select(g => g.CityId);
        var hosts = await db.HostOrganizations.AsNoTracking()
            .Where(h => groupCities.Contains(h.CityId) && db.MeetingOffers.Any(o => o.HostOrganizationId == h.Id && o.EditionId == editionId))
            .OrderBy(h => h.Id).ToListAsync(ct);
        var invitations = new Dictionary<int, List<SurveyInvitation>>();
        foreach (var s in new[] { pre, end, alumni1, alumni3, host })
        {
            var (inviteOn, remindOn) = SurveySchedule.Days(s);
            invitations[s.Id] = s.Kind == SurveyKind.HostCommunity
                ? [.. hosts.Select(h => ScheduleSurveyInvitations.New(keys, s.Id, null, h.Id, h.Name + " (contact, synthetic)", "en", inviteOn, remindOn, now))]
                : [.. people.Select(p => ScheduleSurveyInvitations.New(keys, s.Id, p.Id, null, p.FullName, Outbox.LanguageOf(p), inviteOn, remindOn, now))];
            db.SurveyInvitations.AddRange(invitations[s.Id]);
        }

        await db.SaveChangesAsync(ct);
        var random = new Random(Seed);
        var knowledge = people.ToDictionary(p => p.Id, _ => new[] { 1 + random.Next(3), 1 + random.Next(3), 1 + random.Next(3) });
        await AnswerAsync(db, keys, pre, invitations[pre.Id], random, 0.86, 0.05, (q, inv, r) => Pre(q, inv, r, knowledge), ct);
        await AnswerAsync(db, keys, end, invitations[end.Id], random, 0.78, 0.05, (q, inv, r) => End(q, inv, r, knowledge), ct);
        await AnswerAsync(db, keys, alumni1, invitations[alumni1.Id], random, 0.46, 0.04, Alumni, ct);
        await AnswerAsync(db, keys, host, invitations[host.Id], random, 0.7, 0.0, Host, ct);
    }

    private static Survey Survey(int editionId, SurveyKind kind, bool anonymous, DateTimeOffset now, LocalizedText title, LocalizedText intro) =>
        new() { EditionId = editionId, Kind = kind, Anonymous = anonymous, Title = title, Intro = intro, UpdatedAt = now, UpdatedBy = LoadDemo.Actor };

    private static SurveyQuestion Q(int order, QuestionType type, LocalizedText text, int? objective = null, QuestionMeasure measure = QuestionMeasure.None,
        bool required = false, string? pair = null, decimal? min = null, decimal? max = null, string[]? choices = null, string? theme = null) =>
        new()
        {
            Order = order, Type = type, Text = text, ObjectiveNumber = objective, Measure = measure, Required = required, PairKey = pair, Min = min, Max = max, Theme = theme,
            Choices = [.. (choices ?? []).Select((c, i) => new SurveyChoice { Order = i + 1, Text = LocalizedText.Of(c) })],
        };

    /// <summary>The three questions asked before and after (same pair keys, same wording).</summary>
    private static void AddPairs(Survey survey)
    {
        survey.Questions.Add(Q(1, QuestionType.Likert5, LocalizedText.Of(
            "How would you rate your knowledge of U.S. multijurisdictional task forces?",
            "¿Cómo calificaría su conocimiento de los grupos de trabajo multijurisdiccionales de EE. UU.?",
            "Comment évaluez-vous votre connaissance des groupes de travail multijuridictionnels américains ?",
            "كيف تقيّم معرفتك بفرق العمل متعددة الولايات القضائية في الولايات المتحدة؟",
            "Как вы оцениваете свои знания о межведомственных оперативных группах США?",
            "Como você avalia seu conhecimento das forças-tarefa multijurisdicionais dos EUA?"),
            objective: 2, measure: QuestionMeasure.Knowledge, required: true, pair: "knowledge-task-forces", choices: Likert, theme: "narcotics"));
        survey.Questions.Add(Q(2, QuestionType.Likert5, LocalizedText.Of(
            "How would you rate your knowledge of how U.S. federal, state and local agencies cooperate?",
            "¿Cómo calificaría su conocimiento de la cooperación entre agencias federales, estatales y locales de EE. UU.?",
            "Comment évaluez-vous votre connaissance de la coopération entre agences fédérales, étatiques et locales américaines ?",
            "كيف تقيّم معرفتك بكيفية تعاون الوكالات الفيدرالية والولائية والمحلية في الولايات المتحدة؟",
            "Как вы оцениваете свои знания о сотрудничестве федеральных, региональных и местных ведомств США?",
            "Como você avalia seu conhecimento da cooperação entre agências federais, estaduais e locais dos EUA?"),
            objective: 1, measure: QuestionMeasure.Knowledge, required: true, pair: "knowledge-interagency", choices: Likert));
        survey.Questions.Add(Q(3, QuestionType.Likert5, LocalizedText.Of(
            "How confident are you in setting up information sharing with agencies in other countries?",
            "¿Qué tan seguro se siente para establecer el intercambio de información con agencias de otros países?",
            "Dans quelle mesure vous sentez-vous capable d'organiser l'échange d'informations avec des agences d'autres pays ?",
            "ما مدى ثقتك في إنشاء تبادل المعلومات مع وكالات في بلدان أخرى؟",
            "Насколько вы уверены в умении наладить обмен информацией с ведомствами других стран?",
            "Qual é a sua confiança para estabelecer troca de informações com agências de outros países?"),
            objective: 2, measure: QuestionMeasure.Skills, required: true, pair: "skills-information-sharing", choices: Likert));
    }

    private delegate SurveyAnswer? Answerer(SurveyQuestion question, SurveyInvitation invitation, Random random);

    private static async Task AnswerAsync(TmsswDbContext db, RespondentKeys keys, Survey survey, List<SurveyInvitation> invitations, Random random,
        double submitRate, double partialRate, Answerer answer, CancellationToken ct)
    {
        var questions = survey.Questions.OrderBy(q => q.Order).ToList();
        var (inviteOn, remindOn) = SurveySchedule.Days(survey);
        foreach (var invitation in invitations)
        {
            invitation.InvitedAt = SurveySchedule.Midnight(inviteOn).AddHours(14);
            var roll = random.NextDouble();
            var submitted = roll < submitRate;
            var partial = !submitted && roll < submitRate + partialRate;
            var day = (submitted || partial) ? inviteOn.AddDays(random.Next(0, Math.Max(1, remindOn.DayNumber - inviteOn.DayNumber + 5))) : inviteOn;
            if (!submitted)
            {
                invitation.RemindedAt = SurveySchedule.Midnight(remindOn).AddHours(14);
            }

            if (!submitted && !partial)
            {
                continue;
            }

            var at = SurveySchedule.Midnight(day).AddHours(9 + random.Next(10)).AddMinutes(random.Next(60));
            var stamp = survey.Anonymous ? SurveySchedule.Midnight(day) : at;
            var response = new SurveyResponse
            {
                SurveyId = survey.Id,
                InvitationId = survey.Anonymous ? null : invitation.Id,
                RespondentKey = await keys.KeyForAsync(survey.EditionId, invitation, ct),
                Language = invitation.Language,
                StartedAt = stamp,
                UpdatedAt = stamp,
                SubmittedAt = submitted ? stamp : null,
                IsSynthetic = true,
            };
            var answered = partial ? questions.Take(1 + random.Next(Math.Max(1, questions.Count - 1))) : questions;
            foreach (var q in answered)
            {
                if (answer(q, invitation, random) is { } a && (q.Required || random.NextDouble() < 0.8))
                {
                    a.QuestionId = q.Id;
                    response.Answers.Add(a);
                }
            }

            db.SurveyResponses.Add(response);
            invitation.Status = submitted ? InvitationStatus.Submitted : InvitationStatus.Started;
            invitation.SubmittedAt = submitted && !survey.Anonymous ? at : null;
        }

        await db.SaveChangesAsync(ct);
    }

    private static SurveyAnswer? Pre(SurveyQuestion q, SurveyInvitation inv, Random r, Dictionary<int, int[]> knowledge) => q.Type switch
    {
        QuestionType.Likert5 => new SurveyAnswer { Number = knowledge[inv.ParticipantId!.Value][q.Order - 1] },
        _ => Free(HopeTexts, r),
    };

    private static SurveyAnswer? End(SurveyQuestion q, SurveyInvitation inv, Random r, Dictionary<int, int[]> knowledge)
    {
        if (q.PairKey is not null)
        {
            // Mostly one step up, sometimes two, sometimes none, rarely one down.
            var roll = r.NextDouble();
            var shift = roll < 0.06 ? -1 : roll < 0.30 ? 0 : roll < 0.78 ? 1 : 2;
            return new SurveyAnswer { Number = Math.Clamp(knowledge[inv.ParticipantId!.Value][q.Order - 1] + shift, 1, 5) };
        }

        return q.Type switch
        {
            QuestionType.Number => new SurveyAnswer { Number = 2 + r.Next(4) + r.Next(4) + r.Next(8) },
            QuestionType.Likert5 => new SurveyAnswer { Number = r.NextDouble() < 0.1 ? 3 : 4 + r.Next(2) },
            QuestionType.MultipleChoice => new SurveyAnswer { ChoiceIds = [.. q.Choices.Where(c => r.NextDouble() < (c.Order == 3 ? 0.8 : 0.4)).Select(c => c.Id)] },
            _ => Free(ChangeTexts, r),
        };
    }

    private static SurveyAnswer? Alumni(SurveyQuestion q, SurveyInvitation inv, Random r) => q.Type switch
    {
        QuestionType.Number => new SurveyAnswer { Number = r.Next(7) },
        QuestionType.SingleChoice => new SurveyAnswer { ChoiceIds = [q.Choices[r.NextDouble() < 0.35 ? 0 : r.NextDouble() < 0.6 ? 1 : 2].Id] },
        _ => Free(ChangeTexts, r),
    };

    private static SurveyAnswer? Host(SurveyQuestion q, SurveyInvitation inv, Random r) => q.Type switch
    {
        QuestionType.Likert5 => new SurveyAnswer { Number = 3 + r.Next(3) },
        QuestionType.SingleChoice => new SurveyAnswer { ChoiceIds = [q.Choices[r.NextDouble() < 0.75 ? 0 : 1].Id] },
        _ => Free(HostTexts, r),
    };

    private static SurveyAnswer Free((string Theme, string Text)[] texts, Random r)
    {
        var (theme, text) = texts[r.Next(texts.Length)];
        return new SurveyAnswer { Text = text + " (synthetic)", Theme = theme };
    }

    /// <summary>Which objectives the 2024 offers and program items serve, from their host's kind, themes and titles (only where none is set).</summary>
    private static async Task LinkObjectivesAsync(TmsswDbContext db, int editionId, CancellationToken ct)
    {
        var offers = await db.MeetingOffers.Include(o => o.Host).Where(o => o.EditionId == editionId).ToListAsync(ct);
        foreach (var offer in offers.Where(o => o.Objectives.Count == 0))
        {
            var set = new SortedSet<int>();
            if (offer.Host?.Kind is HostKind.FederalLawEnforcement or HostKind.StateLawEnforcement or HostKind.LocalLawEnforcement or HostKind.PublicOfficials)
            {
                set.Add(1);
            }

            if (offer.Themes.Any(t => t is "narcotics" or "money-laundering" or "cybercrime" or "border-security") || offer.Topic.Contains("task force", StringComparison.OrdinalIgnoreCase))
            {
                set.Add(2);
            }

            if (offer.Host?.Kind is HostKind.ProsecutorsAndCourts or HostKind.PrivateSector or HostKind.SocialServiceAndVictimAssistance || offer.Themes.Contains("trafficking-in-persons"))
            {
                set.Add(3);
            }

            if (offer.Host?.Kind is HostKind.Academia || set.Count == 0)
            {
                set.Add(4);
            }

            offer.Objectives = [.. set];
        }

        var items = await db.ProgramItems.Where(i => i.EditionId == editionId).ToListAsync(ct);
        foreach (var item in items.Where(i => i.Objectives.Count == 0))
        {
            var t = item.Title.ToLowerInvariant();
            var set = new SortedSet<int>();
            if (t.Contains("cooperation") || t.Contains("opening") || t.Contains("maritime") || t.Contains("site visit"))
            {
                set.Add(1);
            }

            if (t.Contains("task force") || t.Contains("opioid") || t.Contains("sharing") || t.Contains("action plan"))
            {
                set.Add(2);
            }

            if (t.Contains("trafficking") || t.Contains("victim") || t.Contains("prosecut"))
            {
                set.Add(3);
            }

            if (item.Kind is ItineraryEntryKind.CulturalVisit or ItineraryEntryKind.HomeHospitality || t.Contains("reception") || t.Contains("action plan"))
            {
                set.Add(4);
            }

            item.Objectives = [.. set];
        }

        await db.SaveChangesAsync(ct);
    }
}
