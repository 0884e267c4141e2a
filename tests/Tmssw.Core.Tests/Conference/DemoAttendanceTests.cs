using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tmssw.Core.Accounts;
using Tmssw.Core.Conference;
using Tmssw.Core.Data;
using Tmssw.Core.Demo;
using Tmssw.Testing;

namespace Tmssw.Core.Tests.Conference;

public sealed class DemoAttendanceTests
{
    [Theory, ProviderData]
    public async Task The_demo_has_synthetic_guests_a_waiting_list_and_attendance_per_session_and_per_person(Provider provider)
    {
        await using var app = await ConferenceServices.CreateAsync(provider);
        var guests = await app.RunAsync<GuestList, ListGuests>(u => u.RunAsync(UserScope.Admin(), DemoDatabase.Year));
        Assert.Equal(5, guests.Guests.Count);
        Assert.All(guests.Guests, g => Assert.Contains("(synthetic)", g.Name, StringComparison.Ordinal));
        Assert.Single(guests.Guests.SelectMany(g => g.Requests), r => r.Status == GuestRegistrationStatus.Waitlisted);
        Assert.All(guests.Sessions, s => Assert.True(s.Cap is null || s.Pending + s.Approved <= s.Cap));

        var report = await app.RunAsync<AttendanceReport, GetAttendance>(u => u.RunAsync(UserScope.Admin(), DemoDatabase.Year));
        Assert.True(report.Sessions[0].Count > 0);
        Assert.Equal(report.Sessions.Sum(s => s.Count), report.People.Sum(p => p.SessionIds.Count));
        var someone = report.ParticipantSessions.First();
        Assert.Equal(someone.Value, report.SessionIdsOf(BadgeRoles.Participant, someone.Key));
        Assert.Contains(report.Sessions[0].SessionId, someone.Value);

        // Loading the demo again adds no guest and no check-in.
        var before = await app.QueryAsync(db => db.CheckIns.CountAsync());
        await using (var scope = app.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<LoadDemo>().RunAsync();
        }

        Assert.Equal(before, await app.QueryAsync(db => db.CheckIns.CountAsync()));
        Assert.Equal(5, await app.QueryAsync(db => db.ConferenceGuests.CountAsync()));

        // Attendance is the edition's runners' only.
        var host = new UserScope("u", "host", new HashSet<string> { Roles.Host }, new HashSet<int>(), CityId: "phoenix");
        await Assert.ThrowsAsync<OutOfScopeException>(() => app.RunAsync<AttendanceReport, GetAttendance>(u => u.RunAsync(host, DemoDatabase.Year)));
        await Assert.ThrowsAsync<OutOfScopeException>(() => app.RunAsync<GuestList, ListGuests>(u => u.RunAsync(host, DemoDatabase.Year)));
    }
}
