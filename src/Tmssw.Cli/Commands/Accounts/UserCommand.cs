using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;

namespace Tmssw.Cli.Commands.Accounts;

internal static class UserCommand
{
    public static Command Create(CliConsole console)
    {
        var user = new Command("user", "Manage accounts.");
        var email = new Option<string>("--email") { Description = "The account's e-mail, also its sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = $"One of {string.Join(", ", Roles.All)}.", Required = true };
        var password = new Option<string?>("--password") { Description = "The password; a random one is printed when left out." };
        var name = new Option<string?>("--name") { Description = "The display name." };
        var country = new Option<string?>("--country") { Description = "A Nominator's country (ISO code or name)." };
        var city = new Option<string?>("--city") { Description = "A Host's city id, e.g. phoenix." };
        var group = new Option<int?>("--group") { Description = "An Interpreter's group id." };
        var participant = new Option<int?>("--participant") { Description = "A Participant account's participant id." };
        var editions = new Option<int[]>("--edition") { Description = "A Staff user's edition year; repeat for several.", AllowMultipleArgumentsPerToken = true };

        var add = new Command("add", "Create an account with a role and its scope.");
        foreach (var o in new Option[] { email, role, password, name, country, city, group, participant, editions })
        {
            add.Options.Add(o);
        }

        add.SetAction(async (parse, ct) =>
        {
            await using var scope = await CommandServices.OpenAsync(parse, ct);
            var (added, errors) = await scope.ServiceProvider.GetRequiredService<AddUser>().RunAsync(
                new NewUser(
                    parse.GetValue(email)!,
                    parse.GetValue(role)!,
                    parse.GetValue(password),
                    parse.GetValue(name),
                    parse.GetValue(country),
                    parse.GetValue(city),
                    parse.GetValue(group),
                    parse.GetValue(participant),
                    parse.GetValue(editions)),
                cancellationToken: ct);
            if (added is null)
            {
                foreach (var e in errors)
                {
                    await console.Error.WriteLineAsync($"error: {e}");
                }

                // The CLI words its own hints (Core names no option): which option carries the scope the role needs.
                var roleName = parse.GetValue(role) ?? "";
                var hint = roleName.ToUpperInvariant() switch
                {
                    "NOMINATOR" when parse.GetValue(country) is null => "give the country with --country",
                    "HOST" when parse.GetValue(city) is null => "give the city with --city",
                    "INTERPRETER" when parse.GetValue(group) is null => "give the group with --group",
                    "PARTICIPANT" when parse.GetValue(participant) is null => "give the participant's id with --participant",
                    _ => null,
                };
                if (hint is not null)
                {
                    await console.Error.WriteLineAsync($"hint: {hint}.");
                }

                return 1;
            }

            await console.Out.WriteLineAsync($"Created {added.User.Email} ({parse.GetValue(role)}).");
            if (added.GeneratedPassword is not null)
            {
                await console.Out.WriteLineAsync($"Password (shown once): {added.GeneratedPassword}");
            }

            return 0;
        });
        user.Subcommands.Add(add);
        return user;
    }
}
