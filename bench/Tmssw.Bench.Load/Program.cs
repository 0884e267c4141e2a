// Seeds the load benchmark's database (bench/Tmssw.Bench.Load/run.sh): the app's first start (migrate, the
// demo, its planned split and weeks), then N synthetic participants in the 2024 edition (the participant-list
// benchmark's generator, EF Core in batches of 1,000), a Staff user of 2024, an API token and a participant's
// calendar feed. Writes what the load script needs as shell variables.
// Usage: dotnet Tmssw.Bench.Load.dll --db CONNECTION --participants 10000 --out bench.env --password PASSWORD
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Bench.Web;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Core.Itineraries;
using Tmssw.Web;

string Arg(string name, string? fallback = null)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"{name} is required.");
}

var db = Arg("--db");
var count = int.Parse(Arg("--participants", "10000"), CultureInfo.InvariantCulture);
var output = Arg("--out");
var password = Arg("--password");
var clock = Stopwatch.StartNew();
await using var app = await TmsswWeb.BuildAsync(
[
    "--environment", "Production",
    "--TMSSW_ADMIN_PASSWORD", password,
    "--Logs:Format", "text",
    "--Logging:LogLevel:Default", "Warning",
    "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "Critical",
], DatabaseSetting.Resolve(db));
Console.WriteLine($"First start (migrate, demo, its plan): {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
await using var scope = app.Services.CreateAsyncScope();
var context = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
var edition = await context.Editions.SingleAsync(e => e.Year == 2024);
var people = Synthetic.Make(count, edition.Id, seed: 2024);
context.ChangeTracker.AutoDetectChangesEnabled = false;
foreach (var batch in people.Chunk(1000))
{
    context.Participants.AddRange(batch);
    await context.SaveChangesAsync();
    context.ChangeTracker.Clear();
}

var (staff, errors) = await scope.ServiceProvider.GetRequiredService<AddUser>()
    .RunAsync(new NewUser("staff@bench.test", Roles.Staff, password, "Bench Staff", EditionYears: [2024]));
if (staff is null)
{
    throw new InvalidOperationException(string.Join(" ", errors));
}

var token = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().RunAsync(staff.User.Id, "load bench", new Actor(staff.User.Id, "bench"));

// A demo participant in a group (the planned split placed them), so the page and the feed carry a real itinerary.
var participant = await context.Participants.AsNoTracking()
    .Where(p => p.EditionId == edition.Id && p.GroupId != null).OrderBy(p => p.Id).FirstAsync();
var feed = await scope.ServiceProvider.GetRequiredService<ManageFeedToken>()
    .GetOrCreateAsync(UserScope.Admin("bench"), new FeedOwner(2024, FeedOwnerKind.Participant, participant.Id.ToString(CultureInfo.InvariantCulture)));
var total = await context.Participants.CountAsync(p => p.EditionId == edition.Id);
Console.WriteLine($"Seeded {count:N0} participants ({total:N0} in 2024), a Staff user, an API token and a feed: {clock.Elapsed.TotalSeconds:F1} s");

await File.WriteAllLinesAsync(output,
[
    $"EDITION_ID={edition.Id}",
    $"EXPECTED_TOTAL={total}",
    $"PARTICIPANT_ID={participant.Id}",
    $"API_TOKEN='{token.Token}'",
    $"FEED_TOKEN='{feed.Token}'",
    "STAFF_EMAIL=staff@bench.test",
]);
