// The load benchmark's floor (bench/Tmssw.Bench.Load/run.sh): a bare minimal API whose one endpoint runs one
// query on the benchmark's PostgreSQL database (the first 50 participants of an edition by id, five columns)
// and writes them as JSON. No authentication, no EF Core, no Razor, no middleware: what one request with one
// database round trip costs on this machine.
// Usage: dotnet Tmssw.Bench.Floor.dll --db CONNECTION --edition ID --urls http://127.0.0.1:PORT
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var source = NpgsqlDataSource.Create(builder.Configuration["db"] ?? throw new ArgumentException("--db is required."));
var edition = int.Parse(builder.Configuration["edition"] ?? throw new ArgumentException("--edition is required."), System.Globalization.CultureInfo.InvariantCulture);
var app = builder.Build();
app.MapGet("/floor", async (CancellationToken ct) =>
{
    await using var command = source.CreateCommand(
        "SELECT \"Id\", \"GivenName\", \"FamilyName\", \"Country\", \"Status\" FROM \"Participants\" WHERE \"EditionId\" = $1 ORDER BY \"Id\" LIMIT 50");
    command.Parameters.Add(new NpgsqlParameter { Value = edition });
    await using var reader = await command.ExecuteReaderAsync(ct);
    var rows = new List<Row>(50);
    while (await reader.ReadAsync(ct))
    {
        rows.Add(new Row(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
    }

    return Results.Json(rows, FloorJson.Default.ListRow);
});
await app.RunAsync();

internal sealed record Row(int Id, string GivenName, string FamilyName, string Country, string Status);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[System.Text.Json.Serialization.JsonSerializable(typeof(List<Row>))]
internal sealed partial class FloorJson : System.Text.Json.Serialization.JsonSerializerContext;
