using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Itineraries;

/// <summary>
/// Whose calendar a feed shows. <see cref="Key"/> is what the matching <see cref="GetItinerary"/> method
/// takes: a participant id, a group's city slug, an interpreter's group id, a host organization id, or "" for the edition.
/// </summary>
public sealed record FeedOwner(int EditionYear, FeedOwnerKind Kind, string Key)
{
    public static FeedOwner Participant(int year, int participantId) => new(year, FeedOwnerKind.Participant, Invariant(participantId));

    public static FeedOwner Group(int year, string city) => new(year, FeedOwnerKind.Group, city.Trim().ToLowerInvariant());

    public static FeedOwner Interpreter(int year, int groupId) => new(year, FeedOwnerKind.Interpreter, Invariant(groupId));

    public static FeedOwner Host(int year, int hostId) => new(year, FeedOwnerKind.Host, Invariant(hostId));

    public static FeedOwner Edition(int year) => new(year, FeedOwnerKind.Edition, "");

    public int KeyAsId => int.Parse(Key, CultureInfo.InvariantCulture);

    private static string Invariant(int id) => id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A feed's secret address: <see cref="Path"/> works without signing in until revoked.</summary>
public sealed record FeedLink(string Token, DateTimeOffset CreatedAt)
{
    public string Path => $"/feeds/{Token}.ics";
}

/// <summary>
/// A person's secret calendar feed URL: shown (made on first use), regenerated (the old one stops
/// working) and revoked. Whoever may see an itinerary may manage its feed; a Host manages its host's
/// feed, never a whole group's. Tokens are random (256 bits), stored hashed for lookup and protected
/// for showing again; every change is audited without the token.
/// </summary>
public sealed class ManageFeedToken(TmsswDbContext db, IDataProtectionProvider protection, AuditLog audit, TimeProvider clock)
{
    private const string Purpose = "Tmssw.Itineraries.FeedToken";

    /// <summary>The owner's active link, or null when none was made or it was revoked.</summary>
    public async Task<FeedLink?> GetAsync(UserScope scope, FeedOwner owner, CancellationToken ct = default)
    {
        var editionId = await EnsureMayManageAsync(scope, owner, ct);
        var token = await ActiveAsync(editionId, owner, ct);
        return token is null ? null : new FeedLink(Protector.Unprotect(token.TokenProtected), token.CreatedAt);
    }

    /// <summary>The owner's active link, made now when there is none.</summary>
    public async Task<FeedLink> GetOrCreateAsync(UserScope scope, FeedOwner owner, CancellationToken ct = default)
    {
        var editionId = await EnsureMayManageAsync(scope, owner, ct);
        var token = await ActiveAsync(editionId, owner, ct);
        return token is null
            ? await CreateAsync(scope, editionId, owner, "FeedTokenCreated", ct)
            : new FeedLink(Protector.Unprotect(token.TokenProtected), token.CreatedAt);
    }

    /// <summary>A new link; the previous one stops working at once.</summary>
    public async Task<FeedLink> RegenerateAsync(UserScope scope, FeedOwner owner, CancellationToken ct = default)
    {
        var editionId = await EnsureMayManageAsync(scope, owner, ct);
        await RevokeActiveAsync(editionId, owner, ct);
        return await CreateAsync(scope, editionId, owner, "FeedTokenRegenerated", ct);
    }

    /// <summary>Stops the owner's link; false when there was none.</summary>
    public async Task<bool> RevokeAsync(UserScope scope, FeedOwner owner, CancellationToken ct = default)
    {
        var editionId = await EnsureMayManageAsync(scope, owner, ct);
        var revoked = await RevokeActiveAsync(editionId, owner, ct);
        if (revoked)
        {
            audit.Record(scope.Actor, "FeedTokenRevoked", "FeedToken", Describe(owner));
            await db.SaveChangesAsync(ct);
        }

        return revoked;
    }

    /// <summary>Whose feed a token opens; null when it is unknown, malformed or revoked. Needs no sign-in: the token is the credential.</summary>
    public async Task<FeedOwner?> ResolveAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretTokens.Hash(token);
        // One round trip: every feed fetch starts here.
        var row = await (from t in db.FeedTokens.AsNoTracking()
                         join e in db.Editions on t.EditionId equals e.Id
                         where t.TokenHash == hash && t.RevokedAt == null
                         select new { e.Year, t.OwnerKind, t.OwnerKey }).FirstOrDefaultAsync(ct);
        return row is null ? null : new FeedOwner(row.Year, row.OwnerKind, row.OwnerKey);
    }

    /// <summary>
    /// The narrowest scope that sees exactly what the feed shows: the participant themself, the
    /// group's interpreter, a host of the city, or a runner of the edition (group and edition feeds).
    /// </summary>
    public async Task<UserScope> ScopeForAsync(FeedOwner owner, CancellationToken ct = default)
    {
        var editionId = await db.Editions.Where(e => e.Year == owner.EditionYear).Select(e => e.Id).FirstAsync(ct);
        var none = new HashSet<int>();
        switch (owner.Kind)
        {
            case FeedOwnerKind.Participant:
                return new UserScope("", "calendar feed", new HashSet<string> { Roles.Participant }, none, ParticipantId: owner.KeyAsId);
            case FeedOwnerKind.Interpreter:
                return new UserScope("", "calendar feed", new HashSet<string> { Roles.Interpreter }, none, GroupId: owner.KeyAsId);
            case FeedOwnerKind.Host:
                var hostId = owner.KeyAsId;
                var city = await db.HostOrganizations.Where(h => h.Id == hostId).Select(h => h.CityId).FirstAsync(ct);
                return new UserScope("", "calendar feed", new HashSet<string> { Roles.Host }, none, CityId: city);
            default:
                return new UserScope("", "calendar feed", new HashSet<string> { Roles.Staff }, new HashSet<int> { editionId });
        }
    }

    private IDataProtector Protector => protection.CreateProtector(Purpose);

    private async Task<int> EnsureMayManageAsync(UserScope scope, FeedOwner owner, CancellationToken ct)
    {
        var editionId = await db.Editions.Where(e => e.Year == owner.EditionYear).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct)
            ?? throw new OutOfScopeException($"edition {owner.EditionYear}");
        var allowed = owner.Kind switch
        {
            FeedOwnerKind.Participant => int.TryParse(owner.Key, CultureInfo.InvariantCulture, out var p)
                && await db.Participants.AnyAsync(x => x.Id == p && x.EditionId == editionId, ct)
                && scope.MaySeeItineraryOf(editionId, p),
            FeedOwnerKind.Group => await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.EditionId == editionId && g.CityId == owner.Key, ct) is { } g
                && !scope.SeesGroupOnlyInCity(editionId, g)
                && await scope.MaySeeGroupItineraryAsync(db, editionId, g, ct),
            FeedOwnerKind.Interpreter => int.TryParse(owner.Key, CultureInfo.InvariantCulture, out var gi)
                && await db.Groups.AnyAsync(x => x.Id == gi && x.EditionId == editionId, ct)
                && scope.MaySeeInterpreterItinerary(editionId, gi),
            FeedOwnerKind.Host => int.TryParse(owner.Key, CultureInfo.InvariantCulture, out var h)
                && await db.HostOrganizations.Where(x => x.Id == h).Select(x => x.CityId).FirstOrDefaultAsync(ct) is { } hostCity
                && scope.MaySeeHostItinerary(editionId, hostCity),
            FeedOwnerKind.Edition => owner.Key.Length == 0 && scope.MaySeeEditionItinerary(editionId),
            _ => false,
        };
        if (!allowed)
        {
            throw new OutOfScopeException($"the calendar feed of {Describe(owner)}");
        }

        return editionId;
    }

    private Task<FeedToken?> ActiveAsync(int editionId, FeedOwner owner, CancellationToken ct) =>
        db.FeedTokens.Where(t => t.EditionId == editionId && t.OwnerKind == owner.Kind && t.OwnerKey == owner.Key && t.RevokedAt == null)
            .OrderByDescending(t => t.Id)
            .FirstOrDefaultAsync(ct);

    private async Task<bool> RevokeActiveAsync(int editionId, FeedOwner owner, CancellationToken ct)
    {
        var active = await db.FeedTokens.Where(t => t.EditionId == editionId && t.OwnerKind == owner.Kind && t.OwnerKey == owner.Key && t.RevokedAt == null)
            .ToListAsync(ct);
        foreach (var t in active)
        {
            t.RevokedAt = clock.GetUtcNow();
        }

        return active.Count > 0;
    }

    private async Task<FeedLink> CreateAsync(UserScope scope, int editionId, FeedOwner owner, string action, CancellationToken ct)
    {
        var token = SecretTokens.New();
        var row = new FeedToken
        {
            EditionId = editionId,
            OwnerKind = owner.Kind,
            OwnerKey = owner.Key,
            TokenHash = SecretTokens.Hash(token),
            TokenProtected = Protector.Protect(token),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = scope.Name,
        };
        db.FeedTokens.Add(row);
        audit.Record(scope.Actor, action, "FeedToken", Describe(owner));
        await db.SaveChangesAsync(ct);
        return new FeedLink(token, row.CreatedAt);
    }


    private static string Describe(FeedOwner owner) =>
        owner.Kind == FeedOwnerKind.Edition ? $"edition {owner.EditionYear}" : $"{owner.Kind.ToString().ToLowerInvariant()} {owner.Key} ({owner.EditionYear})";
}
