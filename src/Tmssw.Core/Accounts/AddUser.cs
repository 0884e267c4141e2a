using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Data;
using Tmssw.Core.Reference;

namespace Tmssw.Core.Accounts;

public sealed record NewUser(
    string Email,
    string Role,
    string? Password = null,
    string? DisplayName = null,
    string? Country = null,
    string? CityId = null,
    int? GroupId = null,
    int? ParticipantId = null,
    IReadOnlyList<int>? EditionYears = null);

/// <summary>The account created, and the password when one was generated (shown once, never stored in clear).</summary>
public sealed record AddedUser(AppUser User, string? GeneratedPassword);

/// <summary>Creates an account with its role and scope; refuses a scope the role needs but lacks.</summary>
public sealed class AddUser(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TmsswDbContext db, Auditing.AuditLog audit)
{
    public async Task<(AddedUser? User, IReadOnlyList<string> Errors)> RunAsync(NewUser request, Auditing.Actor? by = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<string>();
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, request.Role, StringComparison.OrdinalIgnoreCase));
        if (role is null)
        {
            errors.Add($"Unknown role '{request.Role}'; use one of {string.Join(", ", Roles.All)}.");
        }

        var country = request.Country is null ? null : Countries.Resolve(request.Country);
        if (request.Country is not null && country is null)
        {
            errors.Add($"Unknown country '{request.Country}'.");
        }

        if (role == Roles.Nominator && country is null)
        {
            errors.Add("A Nominator needs the country of their embassy.");
        }

        if (role == Roles.Host && request.CityId is null)
        {
            errors.Add("A Host needs a city.");
        }

        if (request.CityId is not null && !await db.Cities.AnyAsync(c => c.Id == request.CityId, cancellationToken))
        {
            errors.Add($"Unknown city '{request.CityId}'.");
        }

        if (role == Roles.Interpreter && request.GroupId is null)
        {
            errors.Add("An Interpreter needs a group.");
        }

        if (role == Roles.Participant && request.ParticipantId is null)
        {
            errors.Add("A Participant account needs the participant it belongs to.");
        }

        var editionIds = new List<int>();
        foreach (var year in request.EditionYears ?? [])
        {
            var id = await db.Editions.Where(e => e.Year == year).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (id is null)
            {
                errors.Add($"No edition {year}.");
            }
            else
            {
                editionIds.Add(id.Value);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var password = request.Password ?? GeneratePassword();
        var user = new AppUser
        {
            UserName = request.Email,
            Email = request.Email,
            EmailConfirmed = true,
            DisplayName = request.DisplayName ?? request.Email,
            Country = country?.Alpha2,
            CityId = request.CityId,
            GroupId = request.GroupId,
            ParticipantId = request.ParticipantId,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return (null, created.Errors.Select(e => e.Description).ToList());
        }

        if (!await roles.RoleExistsAsync(role!))
        {
            await roles.CreateAsync(new IdentityRole(role!));
        }

        await users.AddToRoleAsync(user, role!);
        foreach (var editionId in editionIds)
        {
            db.StaffAssignments.Add(new StaffAssignment { UserId = user.Id, EditionId = editionId });
        }

        audit.Record(by ?? Auditing.Actor.System("tmssw user add"), "Created", "Account", user.Id,
        [
            new("Email", null, user.Email),
            new("Role", null, role),
            new("Country", null, user.Country),
            new("CityId", null, user.CityId),
            new("GroupId", null, user.GroupId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("ParticipantId", null, user.ParticipantId?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Editions", null, string.Join(", ", request.EditionYears ?? [])),
        ]);
        await db.SaveChangesAsync(cancellationToken);
        return (new AddedUser(user, request.Password is null ? password : null), []);
    }

    /// <summary>20 random characters from every class the password rules ask for.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "!#%+-=?@";
        var all = lower + upper + digits + symbols;
        var chars = new char[20];
        chars[0] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[1] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }

        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
