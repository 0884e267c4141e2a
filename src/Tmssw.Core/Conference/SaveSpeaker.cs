using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;

namespace Tmssw.Core.Conference;

/// <summary>A speaker or moderator as the staff form gives them.</summary>
public sealed record SpeakerInput(string Name, string? Title, string? Organization, string? Bio);

/// <summary>Staff add or change a speaker (name, position, organization, bio). Audited; public once a version is published.</summary>
public sealed class SaveSpeaker(TmsswDbContext db, AuditLog audit)
{
    public async Task<(int? SpeakerId, Result Result)> RunAsync(UserScope scope, int year, int? id, SpeakerInput input, CancellationToken ct = default)
    {
        var editionId = await AgendaEditing.EditionIdAsync(db, scope, year, ct);
        var speaker = id is { } existing
            ? await db.Speakers.FirstOrDefaultAsync(s => s.Id == existing && s.EditionId == editionId, ct) ?? throw new OutOfScopeException($"speaker #{existing}")
            : new Speaker { EditionId = editionId };
        var name = input.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            return (null, Result.Fail("Give the speaker's name (up to 200 characters)."));
        }

        if ((input.Title?.Trim().Length ?? 0) > 200 || (input.Organization?.Trim().Length ?? 0) > 200)
        {
            return (null, Result.Fail("Position and organization have at most 200 characters each."));
        }

        if ((input.Bio?.Length ?? 0) > 4000)
        {
            return (null, Result.Fail("The bio has at most 4,000 characters."));
        }

        var before = id is null ? null : Snapshot(speaker);
        speaker.Name = name;
        speaker.Title = AgendaEditing.Clean(input.Title);
        speaker.Organization = AgendaEditing.Clean(input.Organization);
        speaker.Bio = AgendaEditing.Clean(input.Bio);
        if (id is null)
        {
            db.Speakers.Add(speaker);
            await db.SaveChangesAsync(ct);
        }

        var changes = AuditLog.Diff(before ?? [], Snapshot(speaker));
        if (before is null || changes.Count > 0)
        {
            audit.Record(scope.Actor, before is null ? "SpeakerAdded" : "SpeakerChanged", "Speaker", speaker.Id.ToString(CultureInfo.InvariantCulture), changes);
        }

        await db.SaveChangesAsync(ct);
        return (speaker.Id, Result.Ok);
    }

    private static Dictionary<string, string?> Snapshot(Speaker s) => new()
    {
        ["name"] = s.Name,
        ["title"] = s.Title,
        ["organization"] = s.Organization,
        ["bio"] = s.Bio,
    };
}
