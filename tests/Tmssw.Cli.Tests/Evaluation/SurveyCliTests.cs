using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core;
using Tmssw.Core.Mail;
using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Evaluation;

/// <summary>`tmssw survey links` on the demo edition: one absolute URL per invitation, each opening its own invitation.</summary>
public sealed class SurveyCliTests
{
    [Theory, ProviderData]
    public async Task Survey_links_lists_one_absolute_url_per_invitation(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var dbArg = database.Setting.Value;
        await using var db = database.NewContext();
        var edition = await db.Editions.Where(e => e.Year == 2024).Select(e => e.Id).SingleAsync();
        var end = await db.Surveys.Where(s => s.EditionId == edition && s.Kind == Core.Evaluation.SurveyKind.EndOfProgram).Select(s => s.Id).SingleAsync();
        var hashes = await db.SurveyInvitations.Where(i => i.SurveyId == end).ToDictionaryAsync(i => i.TokenHash, i => i.Id);

        var json = await Run("survey", "links", "--db", dbArg, "--edition", "2024", "--survey", $"{end}", "--json");
        Assert.True(json.Code == 0, json.Err);
        using var doc = JsonDocument.Parse(json.Out);
        var lines = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(hashes.Count, lines.Count);
        var publicUrl = MailSettings.FromEnvironment().PublicUrl;
        foreach (var line in lines)
        {
            var url = line.GetProperty("url").GetString()!;
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri), url);
            Assert.StartsWith(publicUrl + "/survey/", url, StringComparison.Ordinal);
            var token = Uri.UnescapeDataString(uri!.AbsolutePath["/survey/".Length..]);
            Assert.Equal(hashes[SecretTokens.Hash(token)], line.GetProperty("invitationId").GetInt32());
            Assert.Equal("EndOfProgram", line.GetProperty("kind").GetString());
        }

        Assert.Equal(lines.Count, lines.Select(l => l.GetProperty("url").GetString()).Distinct().Count());

        var all = await Run("survey", "links", "--db", dbArg, "--edition", "2024");
        Assert.Equal(0, all.Code);
        var invitations = await db.SurveyInvitations.CountAsync(i => db.Surveys.Any(s => s.Id == i.SurveyId && s.EditionId == edition));
        Assert.Equal(invitations, all.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains(publicUrl + "/survey/", StringComparison.Ordinal)));

        var unknown = await Run("survey", "links", "--db", dbArg, "--edition", "1999");
        Assert.Equal((1, "error: there is no 1999 edition."), (unknown.Code, unknown.Err.Trim()));
        var otherSurvey = await Run("survey", "links", "--db", dbArg, "--edition", "2024", "--survey", "999999");
        Assert.Equal(1, otherSurvey.Code);
        Assert.Contains("survey #999999 is not one of the 2024 edition's surveys", otherSurvey.Err, StringComparison.Ordinal);
        var noEdition = await Run("survey", "links", "--db", dbArg);
        Assert.Equal(1, noEdition.Code);
        Assert.Contains("--edition", noEdition.Err, StringComparison.Ordinal);
    }
}
