namespace Tmssw.Core.Evaluation;

// The evaluation's data: surveys and their questions (with texts in the six languages), personal
// invitations, responses and answers. Which meeting offers, program items and conference sessions
// served which objective is kept on those entities themselves, as objective numbers, the way
// ConferenceSession.Objectives already was:
//   Hosts.MeetingOffer.Objectives, Itineraries.ProgramItem.Objectives, Conference.ConferenceSession.Objectives
// (each a List<int> of Editions.Objective.Number within the item's edition). A scheduled Meeting serves
// the objectives of its MeetingOffer.

/// <summary>When in the life of an edition a survey is asked, and of whom.</summary>
public enum SurveyKind
{
    /// <summary>Participants, before the program starts (the "before" side of paired questions).</summary>
    PreProgram,

    /// <summary>Participants, at the end of the program (the "after" side of paired questions).</summary>
    EndOfProgram,

    /// <summary>Alumni, one year after the edition ended.</summary>
    AlumniYear1,

    /// <summary>Alumni, three years after.</summary>
    AlumniYear3,

    /// <summary>Alumni, five years after.</summary>
    AlumniYear5,

    /// <summary>The host organizations of the cities that received a group (respondent: a host organization's contact).</summary>
    HostCommunity,
}

/// <summary>How a question is answered, and so which field of <see cref="SurveyAnswer"/> holds the answer.</summary>
public enum QuestionType
{
    /// <summary>1 to 5 (<see cref="SurveyAnswer.Number"/>); 1 is the lowest. Up to five choices may label the points.</summary>
    Likert5,

    /// <summary>Exactly one of the question's choices (<see cref="SurveyAnswer.ChoiceIds"/> has one id).</summary>
    SingleChoice,

    /// <summary>Any number of the question's choices (<see cref="SurveyAnswer.ChoiceIds"/>).</summary>
    MultipleChoice,

    /// <summary>A number (<see cref="SurveyAnswer.Number"/>), within the question's optional bounds.</summary>
    Number,

    /// <summary>Free text (<see cref="SurveyAnswer.Text"/>), which staff may code to a theme (<see cref="SurveyAnswer.Theme"/>).</summary>
    FreeText,
}

/// <summary>
/// What a question measures, when the report counts it on its own: self-assessed knowledge or skills
/// (usually asked before and after as a pair), the number of new professional connections, overall
/// satisfaction. <see cref="None"/> for any other question.
/// </summary>
public enum QuestionMeasure
{
    None,
    Knowledge,
    Skills,
    NewConnections,
    Satisfaction,
}

/// <summary>Where a personal invitation stands. Shown to staff for every survey, anonymous or not: who answered is known, what they answered is not.</summary>
public enum InvitationStatus
{
    /// <summary>Not opened yet (or opened without saving an answer).</summary>
    Pending,

    /// <summary>Some answers saved, not submitted.</summary>
    Started,

    /// <summary>Submitted: the link answers "already answered" from now on.</summary>
    Submitted,
}

/// <summary>
/// A text in the six languages of the program (en, es, fr, ar, ru, pt), stored as six columns of its
/// owner (an EF complex type). English is required; a missing translation shows the English text.
/// </summary>
public sealed class LocalizedText
{
    public string En { get; set; } = "";
    public string? Es { get; set; }
    public string? Fr { get; set; }
    public string? Ar { get; set; }
    public string? Ru { get; set; }
    public string? Pt { get; set; }

    /// <summary>The text in a language (en, es, fr, ar, ru, pt), falling back to English when it has none.</summary>
    public string For(string language)
    {
        var text = language switch
        {
            "es" => Es,
            "fr" => Fr,
            "ar" => Ar,
            "ru" => Ru,
            "pt" => Pt,
            _ => En,
        };
        return string.IsNullOrWhiteSpace(text) ? En : text;
    }

    /// <summary>Whether the language has its own text (not the English fallback).</summary>
    public bool Has(string language) => language == "en" ? En.Length > 0 : !string.IsNullOrWhiteSpace(language switch
    {
        "es" => Es,
        "fr" => Fr,
        "ar" => Ar,
        "ru" => Ru,
        "pt" => Pt,
        _ => null,
    });

    public void Set(string language, string? text)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        switch (language)
        {
            case "en": En = value ?? ""; break;
            case "es": Es = value; break;
            case "fr": Fr = value; break;
            case "ar": Ar = value; break;
            case "ru": Ru = value; break;
            case "pt": Pt = value; break;
            default: throw new ArgumentOutOfRangeException(nameof(language), language, "Not a language of the program.");
        }
    }

    public static LocalizedText Of(string en, string? es = null, string? fr = null, string? ar = null, string? ru = null, string? pt = null) =>
        new() { En = en, Es = es, Fr = fr, Ar = ar, Ru = ru, Pt = pt };

    public LocalizedText Copy() => new() { En = En, Es = Es, Fr = Fr, Ar = Ar, Ru = Ru, Pt = Pt };
}

/// <summary>
/// One survey of an edition. It can be answered from <see cref="OpensAt"/> until <see cref="ClosesAt"/>
/// (a personal link is valid exactly that long). Its questions can change until the first answer is
/// saved; after that only texts and the closing time change.
/// </summary>
public sealed class Survey
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public SurveyKind Kind { get; set; }

    /// <summary>The title respondents see, per language.</summary>
    public LocalizedText Title { get; set; } = new();

    /// <summary>The paragraph above the questions, per language (may be empty).</summary>
    public LocalizedText Intro { get; set; } = new();

    /// <summary>
    /// Anonymous: staff see who was invited and whether they answered, never which answers are whose
    /// (the response has no <see cref="SurveyResponse.InvitationId"/> and its times are kept to the day).
    /// Named: each response points at its invitation.
    /// </summary>
    public bool Anonymous { get; set; } = true;

    /// <summary>From when the links work (UTC).</summary>
    public DateTimeOffset OpensAt { get; set; }

    /// <summary>Until when the links work (UTC, exclusive): a link opened later is refused as closed.</summary>
    public DateTimeOffset ClosesAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>In <see cref="SurveyQuestion.Order"/> once loaded with its questions.</summary>
    public List<SurveyQuestion> Questions { get; set; } = [];

    public bool IsOpenAt(DateTimeOffset now) => now >= OpensAt && now < ClosesAt;
}

/// <summary>
/// One question of a survey. Pairing: a question asked before and after the program carries the same
/// <see cref="PairKey"/> in the edition's PreProgram survey (the "before" side) and in its EndOfProgram
/// survey (the "after" side); both are Likert5 or Number. The report pairs a person's two answers
/// through <see cref="SurveyResponse.RespondentKey"/>, which is equal across the edition's surveys for
/// the same respondent, anonymous or not.
/// </summary>
public sealed class SurveyQuestion
{
    public int Id { get; set; }
    public int SurveyId { get; set; }

    /// <summary>Position in the survey, from 1.</summary>
    public int Order { get; set; }

    public QuestionType Type { get; set; }

    /// <summary>The question, per language (English required).</summary>
    public LocalizedText Text { get; set; } = new();

    /// <summary>A survey cannot be submitted while a required question is unanswered.</summary>
    public bool Required { get; set; }

    /// <summary>The edition objective the question informs (<see cref="Editions.Objective.Number"/>), if any.</summary>
    public int? ObjectiveNumber { get; set; }

    /// <summary>A theme code (<see cref="Reference.Themes"/>) the question is about, if any.</summary>
    public string? Theme { get; set; }

    /// <summary>What the question measures for the report (knowledge, skills, new connections, satisfaction).</summary>
    public QuestionMeasure Measure { get; set; }

    /// <summary>Shared by the "before" and "after" questions of a pair (e.g. "knowledge-task-forces"); unique within a survey; null when unpaired.</summary>
    public string? PairKey { get; set; }

    /// <summary>For <see cref="QuestionType.Number"/>: the smallest and largest accepted answers (inclusive), if bounded.</summary>
    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    /// <summary>Choices (single and multiple choice), or the labels of the five points (Likert5, optional), in order.</summary>
    public List<SurveyChoice> Choices { get; set; } = [];
}

/// <summary>One choice of a question, with its text per language.</summary>
public sealed class SurveyChoice
{
    public int Id { get; set; }
    public int QuestionId { get; set; }

    /// <summary>Position, from 1; for a Likert5 label, the point it labels.</summary>
    public int Order { get; set; }

    public LocalizedText Text { get; set; } = new();
}

/// <summary>
/// One respondent's personal link to one survey: a participant (every kind but HostCommunity) or a host
/// organization's contact (HostCommunity). The link is <c>/survey/{token}</c>; the token is made by
/// <see cref="SecretTokens"/>: only its hash is looked up, and a Data Protection copy lets staff list
/// the link again. It opens the survey without an account while the survey is open. The days to send
/// the invitation and the reminder are scheduled from the edition's dates; the outbox message ids say
/// when they were queued.
/// </summary>
public sealed class SurveyInvitation
{
    public int Id { get; set; }
    public int SurveyId { get; set; }

    /// <summary>The participant invited (null for a host-community invitation).</summary>
    public int? ParticipantId { get; set; }

    /// <summary>The host organization invited (HostCommunity surveys only).</summary>
    public int? HostOrganizationId { get; set; }

    /// <summary>Who is addressed: the participant's name, or the host organization's contact.</summary>
    public string ContactName { get; set; } = "";

    /// <summary>A host contact's e-mail address, protected (Data Protection); participants' addresses stay on their record.</summary>
    public string? ContactEmailProtected { get; set; }

    /// <summary>The language the survey opens in (en, es, fr, ar, ru, pt); the respondent may switch.</summary>
    public string Language { get; set; } = "en";

    /// <summary>SHA-256 of the token (<see cref="SecretTokens.Hash"/>), unique: what a link is looked up by.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>The token, protected with Data Protection, so staff and the CLI can list the link again.</summary>
    public string TokenProtected { get; set; } = "";

    /// <summary>The day the invitation is due to be sent (from the edition's dates).</summary>
    public DateOnly InviteOn { get; set; }

    /// <summary>The day the reminder is due, if the person has not submitted by then.</summary>
    public DateOnly RemindOn { get; set; }

    /// <summary>When the invitation was queued in the outbox, and as which message.</summary>
    public DateTimeOffset? InvitedAt { get; set; }

    public int? InvitationMessageId { get; set; }

    /// <summary>When the reminder was queued in the outbox, and as which message.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    public int? ReminderMessageId { get; set; }

    public InvitationStatus Status { get; set; }

    /// <summary>When submitted, for named surveys only; null for anonymous ones (it would point at the response).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// One respondent's answers to one survey, saved as they go (partial) until submitted (then final).
/// For an anonymous survey the response does not name its invitation, and its times are truncated to
/// the UTC day; <see cref="RespondentKey"/> lets the same person's before and after answers pair up
/// and lets the link resume a partial response, without telling staff who it is.
/// </summary>
public sealed class SurveyResponse
{
    public int Id { get; set; }
    public int SurveyId { get; set; }

    /// <summary>The invitation (named surveys only; null for anonymous ones).</summary>
    public int? InvitationId { get; set; }

    /// <summary>
    /// An opaque key, equal for the same respondent in all of the edition's surveys: HMAC-SHA256 of
    /// the respondent ("p:{participantId}" or "h:{hostOrganizationId}") with the edition's
    /// <see cref="EvaluationKey"/> secret, hex. Unique per survey. Never shown.
    /// </summary>
    public string RespondentKey { get; set; } = "";

    /// <summary>The language answered in.</summary>
    public string Language { get; set; } = "en";

    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Null while partial; set once submitted (then the answers no longer change).</summary>
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>Invented by the demo (shown as "(synthetic)"), never a real person's answer.</summary>
    public bool IsSynthetic { get; set; }

    public List<SurveyAnswer> Answers { get; set; } = [];

    public bool IsSubmitted => SubmittedAt is not null;
}

/// <summary>One answer: the field that holds it follows the question's <see cref="QuestionType"/>.</summary>
public sealed class SurveyAnswer
{
    public int Id { get; set; }
    public int ResponseId { get; set; }
    public int QuestionId { get; set; }

    /// <summary>Likert5 (1–5) and Number answers.</summary>
    public decimal? Number { get; set; }

    /// <summary>Single and multiple choice answers: <see cref="SurveyChoice.Id"/>s.</summary>
    public List<int> ChoiceIds { get; set; } = [];

    /// <summary>Free-text answers.</summary>
    public string? Text { get; set; }

    /// <summary>The theme a free-text answer was coded to (a short label, e.g. "Networking"); null when not coded.</summary>
    public string? Theme { get; set; }
}

/// <summary>
/// An edition's secret for <see cref="SurveyResponse.RespondentKey"/>: 32 random bytes, protected with
/// Data Protection, made the first time a response is saved. Without it the keys cannot be recomputed
/// from participant ids.
/// </summary>
public sealed class EvaluationKey
{
    public int EditionId { get; set; }
    public string SecretProtected { get; set; } = "";
}
