using Microsoft.AspNetCore.Authorization;
using Tmssw.Core.Accounts;

namespace Tmssw.Web.Security;

/// <summary>
/// Who reaches what, by role. Every page and endpoint names one of these (or allows anonymous);
/// the scope inside a role (which edition, country, city, group or record) is checked by
/// <see cref="UserScope"/> in the page, and another scope's object is a 404, not a 403.
/// </summary>
public static class Policies
{
    public const string Admin = "Admin";

    /// <summary>Admin and Staff: running an edition.</summary>
    public const string Staff = "Staff";

    /// <summary>Admin, Staff and Nominators: creating and editing nominations.</summary>
    public const string Nominations = "Nominations";

    /// <summary>Every role that sees some participants: Admin, Staff, Nominator, Host, Interpreter.</summary>
    public const string Rosters = "Rosters";

    /// <summary>Admin, Staff and Hosts: cities, host organizations and meeting offers.</summary>
    public const string Hosts = "Hosts";

    public const string Participant = "Participant";

    /// <summary>Participants and Interpreters: their own itinerary, Today and program book.</summary>
    public const string Traveller = "Traveller";

    /// <summary>Admin, Staff and Participants: the alumni directory (a Participant must be an alumnus: UserScope.IsAlumnus, else 404).</summary>
    public const string Alumni = "Alumni";

    /// <summary>Any signed-in person.</summary>
    public const string SignedIn = "SignedIn";

    public static readonly IReadOnlyDictionary<string, string[]> RolesOf = new Dictionary<string, string[]>
    {
        [Admin] = [Roles.Admin],
        [Staff] = [Roles.Admin, Roles.Staff],
        [Nominations] = [Roles.Admin, Roles.Staff, Roles.Nominator],
        [Rosters] = [Roles.Admin, Roles.Staff, Roles.Nominator, Roles.Host, Roles.Interpreter],
        [Hosts] = [Roles.Admin, Roles.Staff, Roles.Host],
        [Participant] = [Roles.Participant],
        [Traveller] = [Roles.Participant, Roles.Interpreter],
        [Alumni] = [Roles.Admin, Roles.Staff, Roles.Participant],
        [SignedIn] = [.. Roles.All],
    };

    // The token scheme first: on a challenge the cookie scheme has the last word (a redirect for pages,
    // a 401 under /api).
    private static readonly string[] Schemes = [ApiTokenHandler.SchemeName, Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme];

    public static void Configure(AuthorizationOptions options)
    {
        foreach (var (name, roles) in RolesOf)
        {
            options.AddPolicy(name, p => p.AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().RequireRole(roles));
        }

        // Secure by default: a page or endpoint that names no policy needs a signed-in user.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().AddAuthenticationSchemes(Schemes).RequireAuthenticatedUser().Build();
    }
}
