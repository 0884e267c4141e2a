using static Tmssw.Cli.Tests.CliRunner;

namespace Tmssw.Cli.Tests;

public sealed class CliTests
{
    [Fact]
    public async Task Errors_go_to_stderr_with_a_non_zero_exit_code()
    {
        var unknown = await Run("frobnicate");
        Assert.NotEqual(0, unknown.Code);
        Assert.Contains("frobnicate", unknown.Err);

        var badRole = await Run("user", "add", "--db", Path.Combine(Path.GetTempPath(), $"tmssw-{Guid.NewGuid():N}.db"), "--email", "a@b.org", "--role", "Pilot");
        Assert.Equal(1, badRole.Code);
        Assert.Contains("Unknown role 'Pilot'", badRole.Err);
        Assert.Equal("", badRole.Out);

        var unreachable = await Run("editions", "--db", "Host=127.0.0.1;Port=1;Username=x;Timeout=2");
        Assert.Equal(2, unreachable.Code);
        Assert.Contains("cannot open the database", unreachable.Err);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("demo", "--help")]
    [InlineData("user", "add", "--help")]
    [InlineData("editions", "--help")]
    [InlineData("serve", "--help")]
    public async Task Every_command_has_help(params string[] args)
    {
        var help = await Run(args);
        Assert.Equal(0, help.Code);
        Assert.Contains("Usage:", help.Out);
    }
}
