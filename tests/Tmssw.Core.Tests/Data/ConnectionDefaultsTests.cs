using Npgsql;
using Tmssw.Core.Data;

namespace Tmssw.Core.Tests.Data;

/// <summary>The app's pooled PostgreSQL defaults (docs/benchmarks.md, load) apply unless the operator set them.</summary>
public sealed class ConnectionDefaultsTests
{
    [Theory]
    [InlineData("Host=db;Username=tmssw;Database=tmssw")]
    [InlineData("postgresql://tmssw:secret@db:5433/tmssw")]
    public void The_pool_defaults_are_added(string value)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetting.Resolve(value).ConnectionString);
        Assert.True(built.NoResetOnClose);
        Assert.Equal(50, built.MaxAutoPrepare);
        Assert.Equal("db", built.Host);
        Assert.Equal("tmssw", built.Database);
    }

    [Theory]
    [InlineData("Host=db;Database=tmssw;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;Database=tmssw;NoResetOnClose=false;maxautoprepare=0")]
    public void What_the_operator_set_wins(string value)
    {
        var built = new NpgsqlConnectionStringBuilder(DatabaseSetting.Resolve(value).ConnectionString);
        Assert.False(built.NoResetOnClose);
        Assert.Equal(0, built.MaxAutoPrepare);
    }

    [Fact]
    public void SQLite_is_untouched() =>
        Assert.DoesNotContain("Prepare", DatabaseSetting.Resolve("data/tmssw.db").ConnectionString, StringComparison.OrdinalIgnoreCase);
}
