using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Editions;
using Tmssw.Core.Participants;

namespace Tmssw.Core.Mail;

/// <summary>
/// Where generated messages go: the use cases that cause a message (a status change, a new nomination, a
/// published week) call <see cref="AddForAsync"/>, which writes the message in the recipient's language into
/// their unit of work, waiting for a person; nothing here sends. Addresses are kept protected.
/// </summary>
public sealed class Outbox(TmsswDbContext db, IDataProtectionProvider protection, SensitiveFields sensitive, MailSettings settings, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("Tmssw.Mail.Address");
    private readonly Dictionary<int, Edition?> editions = [];

    public string? Protect(string? address) => string.IsNullOrWhiteSpace(address) ? null : protector.Protect(address.Trim());

    public string? Unprotect(string? protectedAddress) => protectedAddress is null ? null : protector.Unprotect(protectedAddress);

    /// <summary>The language a participant is written to in: their interpretation language, else their first language, when the program writes in it.</summary>
    public static string LanguageOf(Participant p) =>
        MailText.LanguageFor(p.InterpretationLanguage ?? p.Languages.FirstOrDefault());

    /// <summary>Adds one waiting message per participant (not saved: the caller's SaveChanges commits it with the change).</summary>
    public async Task<int> AddForAsync(IEnumerable<Participant> people, MailTemplate template, string origin,
        Func<Participant, string, IReadOnlyDictionary<string, string?>>? values = null, CancellationToken ct = default)
    {
        var added = 0;
        foreach (var p in people)
        {
            var edition = await EditionAsync(p.EditionId, ct);
            var language = LanguageOf(p);
            var fields = new Dictionary<string, string?>
            {
                ["name"] = p.FullName,
                ["edition"] = edition?.Title ?? "",
                ["contact"] = edition?.ContactEmail ?? "",
                ["link"] = settings.Link("/me/itinerary"),
                ["status"] = MailText.StatusName(p.Status, language),
            };
            foreach (var (k, v) in values?.Invoke(p, language) ?? new Dictionary<string, string?>())
            {
                fields[k] = v;
            }

            var address = p.PersonalEmailProtected is null ? null : sensitive.Read(p).PersonalEmail;
            Add(p.EditionId, p.Id == 0 ? null : p.Id, p.FullName, address, language, template, origin, fields);
            added++;
        }

        return added;
    }

    /// <summary>
    /// Adds one waiting message to any recipient (a participant or, for the host-community survey, a host's
    /// contact) with the fields given; <c>name</c>, <c>edition</c> and <c>contact</c> are filled in when missing.
    /// Not saved: the caller's SaveChanges commits it (and then the message has its id).
    /// </summary>
    public async Task<OutboxMessage> AddToAsync(int editionId, int? participantId, string name, string? address, string language,
        MailTemplate template, string origin, IReadOnlyDictionary<string, string?> values, CancellationToken ct = default)
    {
        var edition = await EditionAsync(editionId, ct);
        var fields = new Dictionary<string, string?>
        {
            ["name"] = name,
            ["edition"] = edition?.Title ?? "",
            ["contact"] = edition?.ContactEmail ?? "",
        };
        foreach (var (k, v) in values)
        {
            fields[k] = v;
        }

        return Add(editionId, participantId, name, address, MailText.LanguageFor(language), template, origin, fields);
    }

    private OutboxMessage Add(int editionId, int? participantId, string name, string? address, string language, MailTemplate template, string origin, Dictionary<string, string?> fields)
    {
        var (subject, body) = MailText.Render(template, language, fields);
        return db.OutboxMessages.Add(new OutboxMessage
        {
            EditionId = editionId,
            ParticipantId = participantId,
            Template = template,
            Language = language,
            ToName = name,
            ToAddressProtected = Protect(address),
            Subject = subject,
            Body = body,
            Status = OutboxStatus.Waiting,
            Origin = origin.Length > 300 ? origin[..300] : origin,
            CreatedAt = clock.GetUtcNow(),
        }).Entity;
    }

    private async Task<Edition?> EditionAsync(int id, CancellationToken ct)
    {
        if (!editions.TryGetValue(id, out var edition))
        {
            edition = await db.Editions.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, ct);
            editions[id] = edition;
        }

        return edition;
    }
}
