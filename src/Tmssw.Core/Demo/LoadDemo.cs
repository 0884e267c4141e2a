using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Hosts;
using Tmssw.Core.Participants;
using Tmssw.Core.Posts;
using Tmssw.Core.Reference;
using Tmssw.Core.Splits;

namespace Tmssw.Core.Demo;

/// <summary>What one run of the demo loader added; a second run adds nothing.</summary>
public sealed record DemoLoadReport(int Cities, int Editions, int Participants, int Hosts, int Offers, int Posts, int Groups, int Sessions)
{
    public bool AddedAnything => Cities + Editions + Participants + Hosts + Offers + Posts + Groups + Sessions > 0;

    public override string ToString() =>
        $"{Editions} editions, {Participants} participants, {Cities} cities, {Groups} groups, {Hosts} host organizations, "
        + $"{Offers} meeting offers, {Sessions} conference sessions, {Posts} posts added";
}

/// <summary>
/// Loads the reference cities, every edition's public facts and the full 2024 demo edition.
/// Each part is keyed on something natural (year, city id, host code, post slug), so loading
/// twice adds nothing.
/// </summary>
public sealed partial class LoadDemo(
    TmsswDbContext db, TimeProvider clock, IDataProtectionProvider? protection = null, Alumni.AlumniSecrets? alumniSecrets = null)
{
    public const string Actor = "demo loader";

    public async Task<DemoLoadReport> RunAsync(CancellationToken cancellationToken = default)
    {
        // The Data Protection key ring is written through its own context: make sure it exists before the
        // demo's transaction holds the database (on SQLite a second writer would wait for it).
        protection?.CreateProtector("Tmssw.Demo").Protect("key ring ready");
        alumniSecrets?.EnsureKey();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var cities = await AddCitiesAsync(cancellationToken);
        var editions = await AddEditionsAsync(cancellationToken);
        var edition = await db.Editions.SingleAsync(e => e.Year == Demo2024.Year, cancellationToken);
        var groups = await AddGroupsAsync(edition.Id, cancellationToken);
        var participants = await AddParticipantsAsync(edition.Id, cancellationToken);
        var (hosts, offers) = await AddHostsAndOffersAsync(edition.Id, cancellationToken);
        var posts = await AddPostsAsync(edition.Id, cancellationToken);
        await DemoProgram.AddAsync(db, edition.Id, clock, cancellationToken);
        var sessions = await DemoConference.AddAsync(db, edition.Id, clock, cancellationToken);
        await DemoGuests.AddAsync(db, edition.Id, clock, cancellationToken);
        await DemoPartners.AddHouseholdsAsync(db, edition.Id, cancellationToken);
        await DemoEvaluation.AddAsync(db, edition.Id, protection ?? new EphemeralDataProtectionProvider(), clock, cancellationToken);
        await DemoIndicators.AddAsync(db, edition.Id, clock, cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // After the commit: encrypting the threads may write a Data Protection key through another DbContext,
        // which on SQLite would wait for this transaction's write lock.
        await DemoAlumni.AddAsync(db, alumniSecrets, clock, cancellationToken);
        return new DemoLoadReport(cities, editions, participants, hosts, offers, posts, groups, sessions);
    }

    private async Task<int> AddCitiesAsync(CancellationToken ct)
    {
        var known = (await db.Cities.Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        var missing = CityCatalog.All.Where(c => !known.Contains(c.Id)).ToList();
        foreach (var c in missing)
        {
            db.Cities.Add(new City { Id = c.Id, Name = c.Name, State = c.State, TimeZone = c.TimeZone, Latitude = c.Latitude, Longitude = c.Longitude });
        }

        await db.SaveChangesAsync(ct);
        return missing.Count;
    }

    private async Task<int> AddEditionsAsync(CancellationToken ct)
    {
        var years = (await db.Editions.Select(e => e.Year).ToListAsync(ct)).ToHashSet();
        var added = DemoEditions.PublicFacts().Where(e => !years.Contains(e.Year)).ToList();
        db.Editions.AddRange(added);
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    private async Task<int> AddGroupsAsync(int editionId, CancellationToken ct)
    {
        var existing = (await db.Groups.Where(g => g.EditionId == editionId).Select(g => g.CityId).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var cityId in Demo2024.SplitCities.Where(c => !existing.Contains(c)))
        {
            db.Groups.Add(new Splits.Group { EditionId = editionId, CityId = cityId, Name = $"{CityCatalog.Get(cityId).Name} group" });
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    private async Task<int> AddParticipantsAsync(int editionId, CancellationToken ct)
    {
        if (await db.Participants.AnyAsync(p => p.EditionId == editionId && p.IsSynthetic, ct))
        {
            return 0;
        }

        var now = clock.GetUtcNow();
        var rows = EmbeddedCsv.Read("Tmssw.Demo.participants-2024.csv");
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var r in rows)
        {
            // The same rules as the form, the API and the import: a demo row that breaks one is a bug in the demo data.
            var check = ParticipantRules.Check(
                new ParticipantText(r["givenName"], r["familyName"], r["country"], r["gender"], r["sector"], r["agency"], r["position"],
                    r["themes"], r["languages"], r["interpretation"], r["dietary"], r["accessibility"]),
                today);
            if (check.Values is not { } v || check.Warnings.Count > 0)
            {
                throw new InvalidOperationException($"Demo participant {r["givenName"]} {r["familyName"]}: "
                    + string.Join(" ", check.Errors.Concat(check.Warnings).Select(e => e.Message)));
            }

            var country = Countries.FindByCode(v.Country)!;
            var p = new Participant
            {
                EditionId = editionId,
                GivenName = v.GivenName,
                FamilyName = v.FamilyName,
                Country = country.Alpha2,
                Region = country.WorldRegion,
                Gender = v.Gender,
                Sector = v.Sector ?? "",
                Agency = v.Agency ?? "",
                Position = v.Position ?? "",
                Themes = v.Themes?.ToList() ?? [],
                Languages = v.Languages?.ToList() ?? [],
                InterpretationLanguage = v.InterpretationLanguage is null or "en" ? null : v.InterpretationLanguage,
                DietaryNeeds = v.DietaryNeeds,
                AccessibilityNeeds = v.AccessibilityNeeds,
                IsSynthetic = true,
                CreatedAt = now,
                UpdatedAt = now,
            };
            p.ChangeStatus(NominationStatus.Vetted, Actor, "Demo data", now);
            p.ChangeStatus(NominationStatus.Confirmed, Actor, "Demo data", now);
            db.Participants.Add(p);
        }

        await db.SaveChangesAsync(ct);
        return rows.Count;
    }

    private async Task<(int Hosts, int Offers)> AddHostsAndOffersAsync(int editionId, CancellationToken ct)
    {
        var hostsByCode = await db.HostOrganizations.ToDictionaryAsync(h => h.Code, ct);
        var hostsAdded = 0;
        foreach (var r in EmbeddedCsv.Read("Tmssw.Demo.hosts-2024.csv"))
        {
            if (hostsByCode.ContainsKey(r["hostId"]))
            {
                continue;
            }

            var venue = new Venue
            {
                CityId = r["city"],
                Name = r["venueName"],
                Address = NullIfEmpty(r["venueAddress"]),
                Latitude = double.Parse(r["latitude"], CultureInfo.InvariantCulture),
                Longitude = double.Parse(r["longitude"], CultureInfo.InvariantCulture),
            };
            var host = new HostOrganization
            {
                Code = r["hostId"],
                CityId = r["city"],
                Name = r["hostName"],
                Kind = Enum.Parse<HostKind>(r["kind"]),
                Venue = venue,
            };
            db.HostOrganizations.Add(host);
            hostsByCode[host.Code] = host;
            hostsAdded++;
        }

        await db.SaveChangesAsync(ct);

        if (await db.MeetingOffers.AnyAsync(o => o.EditionId == editionId, ct))
        {
            return (hostsAdded, 0);
        }

        var offers = 0;
        foreach (var r in EmbeddedCsv.Read("Tmssw.Demo.offers-2024.csv"))
        {
            var host = hostsByCode[r["hostId"]];
            db.MeetingOffers.Add(new MeetingOffer
            {
                EditionId = editionId,
                HostOrganizationId = host.Id,
                Topic = r["topic"],
                Themes = SplitList(r["themes"]),
                DurationMinutes = int.Parse(r["minutes"], CultureInfo.InvariantCulture),
                Value = int.Parse(r["value"], CultureInfo.InvariantCulture),
                Required = bool.Parse(r["required"]),
                VenueId = host.VenueId,
                Windows = AvailabilityPattern.Expand(r["availability"], Demo2024.MeetingDays),
            });
            offers++;
        }

        await db.SaveChangesAsync(ct);
        return (hostsAdded, offers);
    }

    private async Task<int> AddPostsAsync(int editionId, CancellationToken ct)
    {
        var slugs = (await db.Posts.Select(p => p.Slug).ToListAsync(ct)).ToHashSet();
        var added = 0;
        foreach (var post in ParsePosts(EmbeddedCsv.ReadText("Tmssw.Demo.posts.md")))
        {
            if (slugs.Contains(post.Slug))
            {
                continue;
            }

            post.EditionId = editionId;
            db.Posts.Add(post);
            added++;
        }

        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// Posts are kept as <c>--- slug: … | title: … | date: … | author: …</c> (optionally <c>| summary: … | themes: a;b | status: draft</c>)
    /// followed by Markdown.
    /// </summary>
    internal static List<Post> ParsePosts(string text)
    {
        var posts = new List<Post>();
        foreach (Match m in PostHeader().Matches(text))
        {
            var fields = m.Groups[1].Value.Split('|')
                .Select(f => f.Split(':', 2))
                .ToDictionary(f => f[0].Trim(), f => f[1].Trim());
            var bodyStart = m.Index + m.Length;
            var next = m.NextMatch();
            var body = text[bodyStart..(next.Success ? next.Index : text.Length)].Trim();
            var date = DateOnly.ParseExact(fields["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var at = new DateTimeOffset(date.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
            posts.Add(new Post
            {
                Slug = fields["slug"],
                Title = fields["title"],
                Author = fields["author"],
                Summary = fields.GetValueOrDefault("summary"),
                Themes = fields.TryGetValue("themes", out var themes) ? SplitList(themes) : [],
                BodyMarkdown = body,
                PublishedAt = at,
                CreatedAt = at,
                UpdatedAt = at,
                IsPublished = fields.GetValueOrDefault("status") != "draft",
            });
        }

        return posts;
    }

    private static List<string> SplitList(string value) =>
        [.. value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static string? NullIfEmpty(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex(@"^--- (.+)$", RegexOptions.Multiline)]
    private static partial Regex PostHeader();
}
