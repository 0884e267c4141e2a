using Tmssw.Testing;
using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests.Accounts;

public sealed class UserCliTests
{
    [Theory, ProviderData]
    public async Task User_add_creates_an_account_and_prints_a_generated_password_once(Provider provider)
    {
        await using var database = await DemoDatabase.CreateAsync(provider);
        var db = database.Setting.Value;

        var added = await Run("user", "add", "--db", db, "--email", "staff@tmssw.local", "--role", "Staff", "--edition", "2024");
        Assert.Equal(0, added.Code);
        Assert.Matches("Password \\(shown once\\): \\S{20}", added.Out);

        var duplicate = await Run("user", "add", "--db", db, "--email", "staff@tmssw.local", "--role", "Staff");
        Assert.Equal(1, duplicate.Code);
        Assert.Contains("staff@tmssw.local", duplicate.Err);

        var nominator = await Run("user", "add", "--db", db, "--email", "n@x.org", "--role", "Nominator");
        Assert.Equal(1, nominator.Code);
        Assert.Contains("needs the country", nominator.Err);

        var weak = await Run("user", "add", "--db", db, "--email", "h@x.org", "--role", "Host", "--city", "phoenix", "--password", "short");
        Assert.Equal(1, weak.Code);
        Assert.Contains("at least 12", weak.Err);
    }
}
