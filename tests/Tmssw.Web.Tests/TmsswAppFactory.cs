using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Data;
using Tmssw.Testing;

namespace Tmssw.Web.Tests;

/// <summary>The real app on a fresh database of the given provider; the first start loads the demo.</summary>
public sealed partial class TmsswAppFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string Password = "Test-Passw0rd-123";

    public TestDatabase Database { get; } = database;

    /// <summary>One account per role, created by <see cref="SeedPeopleAsync"/>.</summary>
    public DemoPeople People { get; private set; } = null!;

    /// <summary>Settings added on top of the tests' own (e.g. job limits); set before the first request.</summary>
    public Dictionary<string, string> ExtraSettings { get; init; } = [];

    /// <summary>False for a second instance on a database another factory owns: it does not drop it.</summary>
    public bool OwnsDatabase { get; init; } = true;

    public static async Task<TmsswAppFactory> StartAsync(Provider provider, bool seedPeople = false)
    {
        var factory = new TmsswAppFactory(await TestDatabase.CreateAsync(provider));
        _ = factory.Server;
        if (seedPeople)
        {
            await factory.SeedPeopleAsync();
        }

        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("db", Database.Setting.Value);
        builder.UseSetting("TMSSW_ADMIN_PASSWORD", Password);
        builder.UseSetting("RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("RateLimits:GuestRegistrationsPerMinute", "1000");
        builder.UseSetting("Demo:Plan", "false");
        builder.UseSetting("Retention:Schedule", "off"); // the demo's 2024 edition ended over a year ago: no nightly purge under a test
        foreach (var (key, value) in ExtraSettings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Production");
    }

    /// <summary>
    /// Puts the first demo participants of two countries into the Phoenix and Tucson groups and
    /// creates a user of every role scoped to them.
    /// </summary>
    public async Task SeedPeopleAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TmsswDbContext>();
        var edition = await db.Editions.SingleAsync(e => e.Year == 2024);
        var phoenix = await db.Groups.SingleAsync(g => g.EditionId == edition.Id && g.CityId == "phoenix");
        var tucson = await db.Groups.SingleAsync(g => g.EditionId == edition.Id && g.CityId == "tucson");
        var participants = await db.Participants.Where(p => p.EditionId == edition.Id).OrderBy(p => p.Id).ToListAsync();
        var country = participants.GroupBy(p => p.Country).First(g => g.Count() >= 2).Key;
        var inPhoenix = participants.Where(p => p.Country == country).ToList();
        var inTucson = participants.Where(p => p.Country != country).Take(3).ToList();
        inPhoenix.ForEach(p => p.GroupId = phoenix.Id);
        inTucson.ForEach(p => p.GroupId = tucson.Id);
        await db.SaveChangesAsync();

        var add = scope.ServiceProvider.GetRequiredService<AddUser>();
        async Task<string> Add(string email, string role, string? country = null, string? city = null, int? group = null, int? participant = null, int[]? years = null)
        {
            var (user, errors) = await add.RunAsync(new NewUser(email, role, Password, null, country, city, group, participant, years));
            Assert.True(user is not null, string.Join(" ", errors));
            return user!.User.Id;
        }

        People = new DemoPeople(
            AdminEmail: "admin@tmssw.local",
            StaffId: await Add("staff@tmssw.test", Roles.Staff, years: [2024]),
            OtherStaffId: await Add("staff2023@tmssw.test", Roles.Staff, years: [2023]),
            NominatorId: await Add("nominator@tmssw.test", Roles.Nominator, country: country),
            HostId: await Add("host@tmssw.test", Roles.Host, city: "phoenix"),
            InterpreterId: await Add("interpreter@tmssw.test", Roles.Interpreter, group: phoenix.Id),
            ParticipantUserId: await Add("participant@tmssw.test", Roles.Participant, participant: inPhoenix[0].Id),
            Country: country,
            PhoenixParticipantId: inPhoenix[0].Id,
            OtherPhoenixParticipantId: inPhoenix[1].Id,
            TucsonParticipantId: inTucson[0].Id,
            PhoenixGroupId: phoenix.Id,
            TucsonGroupId: tucson.Id);
    }

    /// <summary>A client signed in through the real sign-in form (anti-forgery token and all).</summary>
    public async Task<HttpClient> SignInAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login");
        var token = AntiForgery(form);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = token,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} failed: {response.StatusCode}");
        return client;
    }

    public static string AntiForgery(string html) =>
        AntiForgeryInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No anti-forgery token in the page.");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiForgeryInput();
}

public sealed record DemoPeople(
    string AdminEmail,
    string StaffId,
    string OtherStaffId,
    string NominatorId,
    string HostId,
    string InterpreterId,
    string ParticipantUserId,
    string Country,
    int PhoenixParticipantId,
    int OtherPhoenixParticipantId,
    int TucsonParticipantId,
    int PhoenixGroupId,
    int TucsonGroupId)
{
    public static readonly IReadOnlyDictionary<string, string> EmailOf = new Dictionary<string, string>
    {
        ["Admin"] = "admin@tmssw.local",
        ["Staff"] = "staff@tmssw.test",
        ["OtherStaff"] = "staff2023@tmssw.test",
        ["Nominator"] = "nominator@tmssw.test",
        ["Host"] = "host@tmssw.test",
        ["Interpreter"] = "interpreter@tmssw.test",
        ["Participant"] = "participant@tmssw.test",
    };
}
