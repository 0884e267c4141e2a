using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Auditing;
using Tmssw.Core.Conference;
using Tmssw.Core.Data;

namespace Tmssw.Core.Demo;

/// <summary>
/// The 2024 closing conference in New York, co-hosted with the FBI New York Field Office, on the
/// days of the edition's conference phase (May 16–17): rooms with capacities, venue hours, a
/// plenary and three parallel tracks on the edition's themes, speakers and moderators whose names
/// are invented and marked "(synthetic)". Published as "v1", then changed (one session moved to
/// another day and room, one cancelled, one added) and published as "v2", so the public changelog
/// shows something on first start. The closing plenary expects more people than the ballroom
/// seats, so the editor shows a warning.
/// </summary>
internal static class DemoConference
{
    private const string Security = "Security threats";
    private const string Markets = "Illicit markets";
    private const string Finance = "Illicit finance and cybercrime";

    public static async Task<int> AddAsync(TmsswDbContext db, int editionId, TimeProvider clock, CancellationToken ct)
    {
        if (await db.ConferenceSessions.AnyAsync(s => s.EditionId == editionId, ct))
        {
            return 0;
        }

        var ballroom = new ConferenceRoom { EditionId = editionId, Name = "Grand Ballroom", Capacity = 400, Position = 0 };
        var hudson = new ConferenceRoom { EditionId = editionId, Name = "Hudson Room", Capacity = 120, Position = 1 };
        var eastRiver = new ConferenceRoom { EditionId = editionId, Name = "East River Room", Capacity = 80, Position = 2 };
        var liberty = new ConferenceRoom { EditionId = editionId, Name = "Liberty Room", Capacity = 60, Position = 3 };
        db.ConferenceRooms.AddRange(ballroom, hudson, eastRiver, liberty);
        db.VenueDays.AddRange(
            new VenueDay { EditionId = editionId, Date = new(2024, 5, 16), Opens = new(8, 0), Closes = new(18, 0) },
            new VenueDay { EditionId = editionId, Date = new(2024, 5, 17), Opens = new(8, 0), Closes = new(12, 30) });

        Speaker Person(string name, string title, string organization, string bio)
        {
            var s = new Speaker { EditionId = editionId, Name = name + " (synthetic)", Title = title, Organization = organization, Bio = bio + " (Invented for the demo.)" };
            db.Speakers.Add(s);
            return s;
        }

        var sac = Person("Dana Whitfield", "Special Agent in Charge", "FBI New York Field Office",
            "Leads the field office's criminal and counterterrorism programs and its international partnerships.");
        var jttf = Person("Marcus Oyelaran", "Supervisory Special Agent, Joint Terrorism Task Force", "FBI New York Field Office",
            "Coordinates the task force's work with city, state and foreign partners on terrorism cases.");
        var state = Person("Elena Marchetti", "Program Officer", "U.S. Department of State, Bureau of International Narcotics and Law Enforcement Affairs",
            "Oversees the exchange program and its cooperation with partner governments.");
        var ausa = Person("Jordan Kessler", "Assistant U.S. Attorney", "U.S. Attorney's Office, Southern District of New York",
            "Prosecutes narcotics and money laundering cases with a focus on synthetic opioids.");
        var dea = Person("Priya Raman", "Group Supervisor", "Drug Enforcement Administration, New York Division",
            "Runs investigations into fentanyl precursors and the networks that ship them.");
        var hsi = Person("Tomás Aguilar", "Special Agent", "Homeland Security Investigations",
            "Works trafficking in persons cases with victim service providers.");
        var ngo = Person("Grace Mwangi", "Director of Survivor Services", "New York anti-trafficking coalition",
            "Builds victim-centered partnerships between service providers and police.");
        var coast = Person("Lt. Cmdr. Henrik Solberg", "Maritime Law Enforcement Officer", "U.S. Coast Guard, Sector New York",
            "Plans boardings and port inspections against smuggling and illegal fishing.");
        var bank = Person("Aisha Karimova", "Head of Financial Crime Intelligence", "A global bank",
            "Leads the bank's work with law enforcement on suspicious activity and sanctions.");
        var cyber = Person("Lucas Ferreira", "Supervisory Special Agent, Cyber Squad", "FBI New York Field Office",
            "Investigates ransomware groups and traces the cryptocurrency they are paid in.");
        var nypd = Person("Sofia Brennan", "Deputy Inspector", "New York City Police Department",
            "Commands a unit that works with federal task forces on organized crime.");
        var academic = Person("Prof. Daniel Okafor", "Professor of Criminology", "A New York university",
            "Studies how transnational criminal networks adapt to enforcement.");

        ConferenceSession Session(string title, SessionKind kind, string? track, ConferenceRoom room, DateTime start, DateTime end, int expected,
            string description, string[] themes, int[] objectives, params (Speaker Who, SpeakerRole Role)[] people)
        {
            var s = new ConferenceSession
            {
                EditionId = editionId, Title = title, Kind = kind, Track = track, Room = room, Start = start, End = end, ExpectedAttendance = expected,
                Description = description, Themes = [.. themes], Objectives = [.. objectives], UpdatedAt = clock.GetUtcNow(),
                Speakers = [.. people.Select(p => new SessionSpeaker { Speaker = p.Who, Role = p.Role })],
            };
            db.ConferenceSessions.Add(s);
            return s;
        }

        const SpeakerRole Sp = SpeakerRole.Speaker;
        const SpeakerRole Mod = SpeakerRole.Moderator;
        static DateTime At(int day, int h, int m = 0) => new(2024, 5, day, h, m, 0);

        Session("Opening: ten years of Towards a More Safe and Secure World", SessionKind.Plenary, null, ballroom, At(16, 9), At(16, 10, 30), 300,
            "Welcome by the co-hosts and a look back at a decade of exchanges between law enforcement officials from around the world.",
            ["terrorism", "narcotics"], [1, 4], (sac, Sp), (state, Sp), (academic, Mod));
        Session("Terrorism financing and foreign fighters: what travels across borders", SessionKind.Parallel, Security, hudson, At(16, 11), At(16, 12, 30), 90,
            "How task forces follow people and money from recruitment to travel, and what partners abroad need to share.",
            ["terrorism", "money-laundering"], [1, 2], (jttf, Sp), (nypd, Sp), (sac, Mod));
        Session("Synthetic opioids: following the precursors and the money", SessionKind.Parallel, Markets, eastRiver, At(16, 11), At(16, 12, 30), 75,
            "From precursor chemicals to street sales: a case study of a multijurisdictional fentanyl investigation.",
            ["narcotics", "money-laundering"], [2], (dea, Sp), (ausa, Sp), (state, Mod));
        Session("Ransomware and cryptocurrency tracing", SessionKind.Parallel, Finance, liberty, At(16, 11), At(16, 12, 30), 55,
            "Tracing ransom payments across exchanges and working with the private sector to freeze them.",
            ["cybercrime", "money-laundering"], [2, 3], (cyber, Sp), (bank, Sp));
        Session("Trafficking in persons: a victim-centered response", SessionKind.Parallel, Markets, hudson, At(16, 14), At(16, 15, 30), 100,
            "Investigators and service providers on building cases that protect survivors.",
            ["trafficking-in-persons"], [3], (hsi, Sp), (ngo, Sp), (nypd, Mod));
        var maritime = Session("Maritime crime: ports, shipping and illegal fishing", SessionKind.Parallel, Security, eastRiver, At(16, 14), At(16, 15, 30), 50,
            "Boarding, port inspections and sharing vessel data against smuggling and IUU fishing.",
            ["maritime-crime"], [1, 2], (coast, Sp), (academic, Mod));
        Session("Following the money: trade-based laundering", SessionKind.Parallel, Finance, liberty, At(16, 14), At(16, 15, 30), 45,
            "Over- and under-invoicing, shell companies and what banks can see.",
            ["money-laundering"], [3], (bank, Sp), (ausa, Sp));
        Session("Joint investigations with the FBI New York Field Office", SessionKind.Plenary, null, ballroom, At(16, 16), At(16, 17, 30), 280,
            "Three cases worked with foreign partners, from the first call to the courtroom.",
            ["terrorism", "cybercrime", "narcotics"], [1, 2], (sac, Sp), (jttf, Sp), (cyber, Sp), (state, Mod));
        Session("Cybercrime: public-private partnerships against online fraud", SessionKind.Parallel, Finance, hudson, At(17, 9), At(17, 10), 80,
            "How banks, platforms and police share indicators fast enough to stop fraud.",
            ["cybercrime"], [3], (cyber, Sp), (bank, Sp), (ausa, Mod));
        var online = Session("Countering terrorist use of the internet", SessionKind.Parallel, Security, eastRiver, At(17, 9), At(17, 10), 60,
            "Online propaganda and recruitment, and how platforms and investigators respond.",
            ["terrorism", "cybercrime"], [1], (jttf, Sp), (nypd, Sp));
        Session("Closing: global cooperation commitments", SessionKind.Plenary, null, ballroom, At(17, 10, 30), At(17, 12), 420,
            "Participants and U.S. counterparts on what they will do together next; certificates of completion.",
            [], [4], (sac, Sp), (state, Sp), (academic, Mod));
        await db.SaveChangesAsync(ct);

        var audit = new AuditLog(db, clock);
        var actor = Actor.System(LoadDemo.Actor);
        await PublishAgenda.PublishAsync(db, audit, editionId, "v1", actor, clock.GetUtcNow(), ct);

        // A week later: the maritime session moves to the Friday morning (another room), the online
        // session is cancelled, and a roundtable takes the freed afternoon slot.
        maritime.Start = At(17, 9);
        maritime.End = At(17, 10);
        maritime.Room = liberty;
        online.Cancelled = true;
        Session("Women in law enforcement: leadership roundtable", SessionKind.Parallel, Security, eastRiver, At(16, 14), At(16, 15, 30), 60,
            "Participants and New York officers on careers, mentoring and leading mixed teams.",
            [], [4], (state, Sp), (dea, Sp), (jttf, Mod));
        await db.SaveChangesAsync(ct);
        await PublishAgenda.PublishAsync(db, audit, editionId, "v2", actor, clock.GetUtcNow(), ct);
        return await db.ConferenceSessions.CountAsync(s => s.EditionId == editionId, ct);
    }
}
