namespace Tmssw.Core.Mail;

/// <summary>What a message says: one template each, with its placeholders filled in.</summary>
public enum MailTemplate
{
    NominationReceived,
    StatusChanged,
    SchedulePublished,
    ScheduleChanged,
    ItineraryReady,
    SurveyInvitation,
    SurveyReminder,
    ThankYou,
    AlumniInvitation,
    AlumniDigest,
}

/// <summary>
/// Where a message stands. Waiting: generated, for staff to review. Approved: a person approved it, to be
/// sent. Failed: a send failed; retried at <see cref="OutboxMessage.NextAttemptAt"/>. Sent, Discarded: done.
/// </summary>
public enum OutboxStatus
{
    Waiting,
    Approved,
    Failed,
    Sent,
    Discarded,
}

/// <summary>
/// One e-mail message, from generation to sending. Nothing leaves without a person's approval; a failed
/// send is kept with its reason and retried with backoff; a sent message is kept with its status.
/// The recipient's address is a participant's personal contact: kept protected (Data Protection).
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    public int? EditionId { get; set; }
    public int? ParticipantId { get; set; }
    public MailTemplate Template { get; set; }

    /// <summary>The language the message is written in (en, es, fr, ar, ru, pt).</summary>
    public string Language { get; set; } = "en";

    public string ToName { get; set; } = "";

    /// <summary>The address, protected; null when none is on file (the message cannot be approved until one is given).</summary>
    public string? ToAddressProtected { get; set; }

    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public OutboxStatus Status { get; set; }

    /// <summary>What generated it, e.g. "status change by Ana Staff".</summary>
    public string Origin { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? EditedAt { get; set; }
    public string? EditedBy { get; set; }
    public DateTimeOffset? ApprovedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTimeOffset? DiscardedAt { get; set; }
    public string? DiscardedBy { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The Message-ID header the message was sent with.</summary>
    public string? MessageId { get; set; }
}
