using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core;
using Tmssw.Core.Data;

namespace Tmssw.Cli.Commands;

/// <summary>A service scope on the database the command line names, migrated before use.</summary>
internal static class CommandServices
{
    public static async Task<AsyncServiceScope> OpenAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var setting = DatabaseSetting.Resolve(parse.GetValue(CliOptions.Db));
        var services = new ServiceCollection().AddTmsswCore(setting).AddTmsswIdentityCore().BuildServiceProvider();
        var scope = services.CreateAsyncScope();
        try
        {
            await DatabaseRegistration.MigrateAsync(scope.ServiceProvider.GetRequiredService<TmsswDbContext>(), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await scope.DisposeAsync();
            throw new CliException($"cannot open the database ({setting.Describe()}): {e.Message}", 2);
        }

        return scope;
    }
}
