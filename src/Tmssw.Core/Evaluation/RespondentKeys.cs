using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;

namespace Tmssw.Core.Evaluation;

/// <summary>
/// Makes <see cref="SurveyResponse.RespondentKey"/>: HMAC-SHA256 of the respondent with the edition's
/// secret (<see cref="EvaluationKey"/>, kept protected), so one person's answers pair up across the
/// edition's surveys while nothing staff see names them; and protects and reads the invitation tokens.
/// </summary>
public sealed class RespondentKeys(TmsswDbContext db, IDataProtectionProvider protection)
{
    private readonly IDataProtector secrets = protection.CreateProtector("Tmssw.Evaluation.RespondentKey");
    private readonly IDataProtector tokens = protection.CreateProtector("Tmssw.Evaluation.SurveyLink");
    private readonly Dictionary<int, byte[]> cache = [];

    public string ProtectToken(string token) => tokens.Protect(token);

    public string UnprotectToken(string protectedToken) => tokens.Unprotect(protectedToken);

    /// <summary>The respondent's key for an invitation (the caller saves the edition's new secret, if one was made).</summary>
    public async Task<string> KeyForAsync(int editionId, SurveyInvitation invitation, CancellationToken ct)
    {
        var who = invitation.ParticipantId is { } p ? $"p:{p}" : $"h:{invitation.HostOrganizationId}";
        var secret = await SecretAsync(editionId, ct);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(who)));
    }

    /// <summary>The edition's secret, made (and added to the unit of work) the first time.</summary>
    public async Task<byte[]> SecretAsync(int editionId, CancellationToken ct)
    {
        if (cache.TryGetValue(editionId, out var known))
        {
            return known;
        }

        var row = await db.EvaluationKeys.FirstOrDefaultAsync(k => k.EditionId == editionId, ct);
        byte[] secret;
        if (row is null)
        {
            secret = RandomNumberGenerator.GetBytes(32);
            db.EvaluationKeys.Add(new EvaluationKey { EditionId = editionId, SecretProtected = secrets.Protect(Convert.ToBase64String(secret)) });
        }
        else
        {
            secret = Convert.FromBase64String(secrets.Unprotect(row.SecretProtected));
        }

        cache[editionId] = secret;
        return secret;
    }
}
