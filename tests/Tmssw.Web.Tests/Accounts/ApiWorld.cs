using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Auditing;
using Tmssw.Core.Data;
using Tmssw.Testing;
using Tmssw.Web.Security;

namespace Tmssw.Web.Tests.Accounts;

/// <summary>
/// The app on a fresh database with one account of every role and an API token for each, and a few
/// demo participants put in the Phoenix and Tucson groups (one of Mexico's in Tucson).
/// </summary>
public sealed class ApiWorld : IAsyncDisposable
{
    public const string Password = "Correct-Horse-42";
    public const string NominatorCountry = "MX";
    public const int UnpublishedYear = 2026;

    private ApiWorld(TmsswAppFactory app) => App = app;

    public TmsswAppFactory App { get; }

    public Dictionary<string, string> Tokens { get; } = [];

    public Dictionary<string, string> UserIds { get; } = [];

    public int EditionId { get; private set; }
    public int PhoenixGroupId { get; private set; }
    public int TucsonGroupId { get; private set; }
    public IReadOnlyList<int> Phoenix { get; private set; } = [];
    public IReadOnlyList<int> Tucson { get; private set; } = [];

    /// <summary>Mexico's participants; the first is in Tucson.</summary>
    public IReadOnlyList<int> Mexican { get; private set; } = [];

    public int TotalParticipants { get; private set; }

    /// <summary>The participant the Participant account belongs to (in Tucson).</summary>
    public int OwnParticipantId => Tucson[0];

    public static async Task<ApiWorld> CreateAsync(Provider provider)
    {
        var world = new ApiWorld(await TmsswAppFactory.StartAsync(provider));
        await world.SetUpAsync();
        return world;
    }

    private async Task SetUpAsync()
    {
        using var scope = App.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TmsswDbContext>();
        var edition = await db.Editions.SingleAsync(e => e.Year == 2024);
        EditionId = edition.Id;
        var groups = await db.Groups.Where(g => g.EditionId == edition.Id).ToListAsync();
        var phoenix = groups.Single(g => g.CityId == "phoenix");
        var tucson = groups.Single(g => g.CityId == "tucson");
        PhoenixGroupId = phoenix.Id;
        TucsonGroupId = tucson.Id;

        var participants = await db.Participants.Where(p => p.EditionId == edition.Id).OrderBy(p => p.Id).ToListAsync();
        TotalParticipants = participants.Count;
        var others = participants.Where(p => p.Country != NominatorCountry).ToList();
        var mexican = participants.Where(p => p.Country == NominatorCountry).ToList();
        foreach (var p in others.Take(3))
        {
            p.GroupId = phoenix.Id;
        }

        foreach (var p in others.Skip(3).Take(3).Append(mexican[0]))
        {
            p.GroupId = tucson.Id;
        }

        await db.SaveChangesAsync();
        Phoenix = others.Take(3).Select(p => p.Id).ToList();
        Tucson = others.Skip(3).Take(3).Append(mexican[0]).Select(p => p.Id).ToList();
        Mexican = mexican.Select(p => p.Id).ToList();

        // An upcoming edition nobody outside its staff may see yet.
        db.Editions.Add(new Tmssw.Core.Editions.Edition { Year = UnpublishedYear, Ordinal = 12, Title = "Towards a More Safe and Secure World 2026", IsPublished = false });
        await db.SaveChangesAsync();

        var addUser = services.GetRequiredService<AddUser>();
        NewUser[] users =
        [
            new("admin@test.example", Roles.Admin, Password),
            new("staff@test.example", Roles.Staff, Password, EditionYears: [2024, UnpublishedYear]),
            new("staff2023@test.example", Roles.Staff, Password, EditionYears: [2023]),
            new("nominator@test.example", Roles.Nominator, Password, Country: NominatorCountry),
            new("host@test.example", Roles.Host, Password, CityId: "phoenix"),
            new("interpreter@test.example", Roles.Interpreter, Password, GroupId: phoenix.Id),
            new("participant@test.example", Roles.Participant, Password, ParticipantId: OwnParticipantId),
        ];
        var tokens = services.GetRequiredService<CreateApiToken>();
        foreach (var user in users)
        {
            var (added, errors) = await addUser.RunAsync(user);
            Assert.True(added is not null, string.Join("; ", errors));
            var key = user.Email.Split('@')[0];
            UserIds[key] = added.User.Id;
            Tokens[key] = (await tokens.RunAsync(added.User.Id, "tests", new Actor(added.User.Id, user.Email))).Token;
        }
    }

    /// <summary>A client that never follows redirects, with the named account's token (or none).</summary>
    public HttpClient Client(string? who = null)
    {
        var client = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (who is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens[who]);
        }

        return client;
    }

    public async ValueTask DisposeAsync() => await App.DisposeAsync();
}

/// <summary>One <see cref="ApiWorld"/> per provider, started on first use and shared by a test class.</summary>
public sealed class ApiWorlds : IAsyncLifetime
{
    private readonly Dictionary<Provider, Task<ApiWorld>> worlds = [];
    private readonly Lock gate = new();

    public Task<ApiWorld> GetAsync(Provider provider)
    {
        lock (gate)
        {
            if (!worlds.TryGetValue(provider, out var world))
            {
                world = ApiWorld.CreateAsync(provider);
                worlds[provider] = world;
            }

            return world;
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var world in worlds.Values)
        {
            if (world.IsCompletedSuccessfully)
            {
                await (await world).DisposeAsync();
            }
        }
    }
}
