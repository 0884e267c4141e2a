using Npgsql;
using Tmssw.Testing;

namespace Tmssw.Cli.Tests.Itineraries;

/// <summary><c>tmssw export ics</c>: every selector, read back with ical.js; stdout without --out; errors as exit codes.</summary>
public sealed class ExportIcsCliTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("tmssw-cli-ics-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TmsswCli.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Theory, ProviderData]
    public async Task Export_ics_writes_a_participant_group_host_and_the_edition_that_ical_js_reads(Provider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var db = database.Setting.Value;
        Assert.Equal(0, (await Run("demo", "--db", db)).Code);

        var group = await Run("export", "ics", "--edition", "2024", "--group", "phoenix", "--db", db);
        Assert.Equal(0, group.Code);
        var groupCal = await IcalJs.ParseAsync(group.Out);
        Assert.Empty(groupCal.MissingZones);
        var toPhoenix = Assert.Single(groupCal.Events, e => e.Uid == "demo2024-tpa-phx@tmssw");
        Assert.Equal((-240, -420), (toPhoenix.Start.OffsetMinutes, toPhoenix.End.OffsetMinutes));
        Assert.DoesNotContain(groupCal.Events, e => e.Uid == "demo2024-tpa-slc@tmssw");
        Assert.Contains(groupCal.Events, e => e.Uid == "demo2024-dc-opening@tmssw" && e.Start.OffsetMinutes == -240);

        var file = Path.Combine(folder, "all.ics");
        var all = await Run("export", "ics", "--edition", "2024", "--all", "--out", file, "--db", db);
        Assert.Equal(0, all.Code);
        Assert.Contains("Wrote", all.Out);
        var allCal = await IcalJs.ParseAsync(await File.ReadAllTextAsync(file));
        var slc = Assert.Single(allCal.Events, e => e.Uid == "demo2024-tpa-slc@tmssw");
        Assert.Equal(-360, slc.End.OffsetMinutes);
        Assert.True(allCal.Events.Count > groupCal.Events.Count);

        var (participantId, hostId) = await IdsAsync(provider, db);
        var participant = await Run("export", "ics", "--edition", "2024", "--participant", participantId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
        Assert.Equal(0, participant.Code);
        var participantCal = await IcalJs.ParseAsync(participant.Out);
        Assert.Contains(participantCal.Events, e => e.Uid == "conference-1@tmssw" || e.Uid.StartsWith("conference-", StringComparison.Ordinal));

        var host = await Run("export", "ics", "--edition", "2024", "--host", hostId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--db", db);
        Assert.Equal(0, host.Code);
        var hostCal = await IcalJs.ParseAsync(host.Out);
        Assert.DoesNotContain(hostCal.Events, e => e.Uid.StartsWith("demo2024-dc-", StringComparison.Ordinal));

        Assert.Equal(1, (await Run("export", "ics", "--edition", "2024", "--db", db)).Code);
        Assert.Equal(1, (await Run("export", "ics", "--edition", "2024", "--all", "--group", "phoenix", "--db", db)).Code);
        var unknown = await Run("export", "ics", "--edition", "2024", "--group", "atlantis", "--db", db);
        Assert.Equal(1, unknown.Code);
        Assert.Contains("atlantis", unknown.Err);
    }

    /// <summary>A participant and a Phoenix host organization of the demo, read with the engine's own client.</summary>
    private static async Task<(int Participant, int Host)> IdsAsync(Provider provider, string db)
    {
        const string participant = "SELECT \"Id\" FROM \"Participants\" ORDER BY \"Id\" LIMIT 1";
        const string host = "SELECT \"Id\" FROM \"HostOrganizations\" WHERE \"CityId\" = 'phoenix' ORDER BY \"Id\" LIMIT 1";
        if (provider == Provider.Sqlite)
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db}");
            await connection.OpenAsync();
            return (Scalar(connection, participant), Scalar(connection, host));
        }

        await using var pg = new NpgsqlConnection(db);
        await pg.OpenAsync();
        return (Scalar(pg, participant), Scalar(pg, host));
    }

    private static int Scalar(System.Data.Common.DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
