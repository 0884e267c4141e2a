using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Alumni;
using Tmssw.Core.Data;
using Tmssw.Core.Participants;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Demo;

/// <summary>
/// Synthetic alumni of 2016–2023 (status Completed; none of 2024, whose demo cohort is still being planned and
/// whose counted participants the ten-year view compares with the published figures; <see cref="Participant.IsSynthetic"/>), with varied sharing
/// choices (one shares nothing and is not listed), and a knowledge exchange with a thread at every TLP level,
/// replies and one reported reply. Keyed on the first alumnus: loading twice adds nothing. The threads need
/// <see cref="AlumniSecrets"/> (their text is encrypted); without it only the alumni are added.
/// </summary>
internal static class DemoAlumni
{
    private sealed record Alumnus(int Year, string Given, string Family, string Country, string Gender, string Agency, string Position, string[] Themes, string[] Languages, string Share, bool Digest = false);

    // Share: N name, C country, A agency, P position, T themes, E edition, G city group.
    private static readonly Alumnus[] People =
    [
        new(2017, "Amina", "Diallo", "SN", "F", "Office Central de Répression du Trafic Illicite des Stupéfiants", "Chief Inspector", ["narcotics", "trafficking-in-persons"], ["fr", "en"], "NCAPTEG", Digest: true),
        new(2017, "Carlos", "Mendoza", "CO", "M", "Fiscalía General de la Nación", "Prosecutor", ["money-laundering", "corruption"], ["es", "en"], "NCTE"),
        new(2016, "Lan", "Nguyen Thi", "VN", "F", "Ministry of Public Security", "Lieutenant Colonel", ["cybercrime"], ["vi", "en"], "NT"),
        new(2019, "Farid", "Haddad", "JO", "M", "Public Security Directorate", "Major", ["terrorism", "border-security"], ["ar", "en"], "NCPTEG"),
        new(2019, "Ioana", "Popescu", "RO", "F", "Directorate for Investigating Organized Crime and Terrorism", "Prosecutor", ["trafficking-in-persons", "cybercrime"], ["ro", "en"], "NCAPTEG"),
        new(2021, "Kwame", "Mensah", "GH", "M", "Narcotics Control Commission", "Deputy Director", ["narcotics", "maritime-crime"], ["en"], "NCAPTEG", Digest: true),
        new(2023, "Sofía", "Rojas", "PE", "F", "Policía Nacional del Perú", "Commander", ["environmental-crime", "narcotics"], ["es", "en"], "NCE"),
        new(2023, "Rashid", "Karimov", "UZ", "M", "State Security Service", "Senior Officer", ["violent-extremism"], ["uz", "ru", "en"], ""),
        new(2023, "Maria", "Santos", "PH", "F", "Philippine Drug Enforcement Agency", "Director", ["narcotics", "cybercrime"], ["en"], "NCAPTEG", Digest: true),
        new(2023, "Tomás", "Ferreira", "BR", "M", "Polícia Federal", "Federal Agent", ["cybercrime", "money-laundering"], ["pt", "en"], "NCAPTEG"),
        new(2023, "Joseph", "Otieno", "KE", "M", "Directorate of Criminal Investigations", "Senior Superintendent", ["terrorism", "trafficking-in-persons"], ["en"], "NTE"),
        new(2023, "Ana", "Lima", "BR", "F", "Polícia Federal", "Delegada", ["cybercrime"], ["pt", "en"], "NA"),
    ];

    public static async Task AddAsync(TmsswDbContext db, AlumniSecrets? secrets, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Participants.AnyAsync(p => p.IsSynthetic && p.GivenName == "Amina" && p.FamilyName == "Diallo" && p.Status == NominationStatus.Completed, ct))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var editions = await db.Editions.ToDictionaryAsync(e => e.Year, e => e.Id, ct);
        var groups2024 = await db.Groups.Where(g => g.EditionId == editions[Demo2024.Year]).OrderBy(g => g.Id).Select(g => g.Id).ToListAsync(ct);
        var byName = new Dictionary<string, Participant>();
        var index = 0;
        foreach (var a in People)
        {
            var country = Countries.FindByCode(a.Country)!;
            var p = new Participant
            {
                EditionId = editions[a.Year],
                GivenName = a.Given,
                FamilyName = a.Family,
                Country = country.Alpha2,
                Region = country.WorldRegion,
                Gender = a.Gender,
                Sector = "law-enforcement",
                Agency = a.Agency,
                Position = a.Position,
                Themes = [.. a.Themes],
                Languages = [.. a.Languages],
                IsSynthetic = true,
                GroupId = a.Year == Demo2024.Year && groups2024.Count > 0 ? groups2024[index++ % groups2024.Count] : null,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (var step in new[] { NominationStatus.Vetted, NominationStatus.Confirmed, NominationStatus.Traveling, NominationStatus.Completed })
            {
                p.ChangeStatus(step, LoadDemo.Actor, "Demo data", now);
            }

            db.Participants.Add(p);
            byName[a.Given] = p;
        }

        await db.SaveChangesAsync(ct);
        foreach (var a in People.Where(a => a.Share.Length > 0 || a.Digest))
        {
            db.AlumniSharing.Add(new AlumniSharing
            {
                ParticipantId = byName[a.Given].Id,
                ShareName = a.Share.Contains('N'),
                ShareCountry = a.Share.Contains('C'),
                ShareAgency = a.Share.Contains('A'),
                SharePosition = a.Share.Contains('P'),
                ShareThemes = a.Share.Contains('T'),
                ShareEdition = a.Share.Contains('E'),
                ShareCityGroup = a.Share.Contains('G'),
                WantsDigest = a.Digest,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(ct);
        if (secrets is null)
        {
            return;
        }

        AlumniThread Thread(string author, int daysAgo, string theme, Tlp tlp, string title, string body, string? audienceTheme = null, string? audienceRegion = null, string[]? recipients = null)
        {
            var by = byName[author];
            var at = now.AddDays(-daysAgo);
            var t = new AlumniThread
            {
                Theme = theme,
                Tlp = tlp,
                AudienceTheme = audienceTheme,
                AudienceRegion = audienceRegion,
                AgencyKey = AlumniRules.AgencyKey(by.Agency),
                AuthorParticipantId = by.Id,
                AuthorName = by.FullName,
                TitleProtected = secrets.Protect(title + " (synthetic)"),
                BodyProtected = secrets.Protect(body + "\n\n_Synthetic demo thread: these people and events do not exist._"),
                CreatedAt = at,
                LastActivityAt = at,
                IsSynthetic = true,
                Recipients = (recipients ?? []).Select(r => new ThreadRecipient { ParticipantId = byName[r].Id }).ToList(),
            };
            db.AlumniThreads.Add(t);
            return t;
        }

        void Reply(AlumniThread t, string author, int daysAgo, string body)
        {
            var at = now.AddDays(-daysAgo);
            t.Replies.Add(new AlumniReply { AuthorParticipantId = byName[author].Id, AuthorName = byName[author].FullName, BodyProtected = secrets.Protect(body), CreatedAt = at });
            t.LastActivityAt = at > t.LastActivityAt ? at : t.LastActivityAt;
        }

        var clear = Thread("Kwame", 20, "narcotics", Tlp.Clear, "Public guidance on synthetic drug precursor controls",
            "A short list of **public** resources we use when training customs officers on precursor chemicals: the INCB precursor lists, the UNODC early warning advisory, and our own public bulletin.");
        Reply(clear, "Maria", 18, "Thank you. We translated the INCB red list summary for our regional offices; happy to share it.");

        var green = Thread("Amina", 5, "narcotics", Tlp.Green, "Container profiling at West African ports: what worked for us",
            "Since 2017 we moved from random inspections to risk profiles built with the port authority. Three things made the difference:\n\n1. a joint targeting cell,\n2. shared manifests 48 hours ahead,\n3. feedback on every hit and miss.");
        Reply(green, "Maria", 4, "We see the same in Manila: the 48-hour manifest rule was the turning point. Could we compare profiles?");
        Reply(green, "Kwame", 3, "Tema port has a similar cell; I will introduce you both.");

        var amberTheme = Thread("Maria", 2, "narcotics", Tlp.Amber, "New concealment method seen in parcel shipments",
            "We recently found tablets pressed into the walls of ceramic planters sent by express courier. Details of the x-ray signature below, for colleagues working on narcotics only.",
            audienceTheme: "narcotics");
        Reply(amberTheme, "Amina", 1, "Seen once in Dakar last month; I will check our seizure reports for the same sender pattern.");

        var latin = Countries.FindByCode("CO")!.WorldRegion;
        var amberRegion = Thread("Carlos", 9, "money-laundering", Tlp.Amber, "Cross-border asset recovery requests: contacts that answer",
            "A list of the desks in our region that answered mutual legal assistance requests on asset recovery within a month, and how to write to them.",
            audienceRegion: latin);
        Reply(amberRegion, "Sofía", 8, "Adding the contact at our financial intelligence unit who handled our last request.");

        var strict = Thread("Tomás", 6, "cybercrime", Tlp.AmberStrict, "Internal: lessons from our 2024 ransomware case",
            "For Polícia Federal colleagues only: the timeline of the case, what the cryptocurrency tracing showed and where the cooperation requests stalled.");
        Reply(strict, "Ana", 5, "The stall was at the exchange's compliance desk; the new liaison helped us on the next case.");

        var red = Thread("Ioana", 3, "trafficking-in-persons", Tlp.Red, "Victim referral in an ongoing case",
            "Named recipients only: two victims in our case may have been recruited through the same agency you described in Nairobi and Dakar. Can we set up a call?",
            recipients: ["Joseph", "Amina"]);
        Reply(red, "Joseph", 2, "Yes. I can do Thursday; I will bring the officer who runs our referral desk.");

        var screening = Thread("Farid", 4, "terrorism", Tlp.Green, "Border screening and watchlists: interoperability",
            "How do your border posts check travellers against several watchlists at once? We are reviewing our setup and would like to hear what works.");
        Reply(screening, "Joseph", 3, "We use one query screen for the national and INTERPOL lists; the hard part is transliteration of names.");
        Reply(screening, "Kwame", 2, "Buy our screening software at a discount, write to me privately!");

        await db.SaveChangesAsync(ct);
        var advert = screening.Replies.Single(r => r.AuthorParticipantId == byName["Kwame"].Id);
        db.PostReports.Add(new PostReport
        {
            ThreadId = screening.Id,
            ReplyId = advert.Id,
            ReportedBy = "Farid Haddad (synthetic)",
            Reason = "Advertising, not an exchange of experience.",
            ReportedAt = now.AddDays(-1),
        });
        await db.SaveChangesAsync(ct);
    }
}
