using Microsoft.EntityFrameworkCore;
using Tmssw.Core.Accounts;
using Tmssw.Core.Editions;
using Tmssw.Core.Itineraries;
using Tmssw.Core.Partners;
using Tmssw.Testing;
using TaskStatus = Tmssw.Core.Partners.TaskStatus;

namespace Tmssw.Core.Tests.Partners;

/// <summary>
/// The countdown on the demo edition: due dates from the group's arrival and departure in its city
/// (its hotel stay there), counted in the city's own zone, following the group when its stay moves.
/// </summary>
public class CountdownTests
{
    private static async Task<int> PhoenixStayAsync(PartnersWorld w)
    {
        await using var db = w.Db();
        return await db.Lodgings.Where(l => l.GroupId == w.GroupIds["phoenix"] && l.Phase == PhaseKind.CitySplit).Select(l => l.Id).SingleAsync();
    }

    private static Task<Result> MovePhoenixAsync(PartnersWorld w, int stayId, DateOnly checkIn, DateOnly checkOut) =>
        w.RunAsync<SaveLodging, Result>(async s =>
        {
            var (_, result) = await s.SaveAsync(PartnersWorld.Admin, 2024, stayId, new LodgingInput(PhaseKind.CitySplit, "Phoenix Downtown Demo Hotel (synthetic)", "phoenix",
                checkIn, checkOut, new AudienceInput(Audience.Group, w.GroupIds["phoenix"], null)));
            Assert.True(result.Succeeded, result.Error);
            return result;
        });

    private static async Task<List<TaskView>> PhoenixTasksAsync(PartnersWorld w, UserScope? scope = null) =>
        [.. (await w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(scope ?? PartnersWorld.Admin, 2024, "phoenix"))).List!.Tasks];

    [Theory, ProviderData]
    public async Task A_group_arriving_in_Phoenix_on_May_8_gets_its_dates_and_they_follow_its_stay(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider, assignGroups: false);
        var stay = await PhoenixStayAsync(w);
        await MovePhoenixAsync(w, stay, new(2024, 5, 8), new(2024, 5, 15));
        var prepared = await w.RunAsync<PrepareCountdown, PrepareCountdown.Outcome>(s => s.RunAsync(PartnersWorld.Admin, 2024));
        Assert.Equal(Countdown.Defaults.Count * w.GroupIds.Count, prepared.Added);

        var tasks = await PhoenixTasksAsync(w);
        var requests = tasks.Single(t => t.Title == "Send meeting requests to hosts");
        Assert.Equal((TaskAnchor.Arrival, new DateOnly(2024, 5, 8), -38, new DateOnly(2024, 3, 31)), (requests.Anchor, requests.AnchorDate, requests.OffsetDays, requests.Due));
        var thanks = tasks.Single(t => t.Title == "Send thank-you notes to hosts");
        Assert.Equal((TaskAnchor.Departure, new DateOnly(2024, 5, 15), new DateOnly(2024, 5, 18)), (thanks.Anchor, thanks.AnchorDate, thanks.Due));
        Assert.Equal(new DateOnly(2024, 4, 17), tasks.Single(t => t.OffsetDays == -21).Due);

        // Done once; then the group's stay moves two days later: the open tasks follow, the done one stays.
        var confirm = tasks.Single(t => t.OffsetDays == -21);
        Assert.True((await w.RunAsync<CompleteTask, Result>(s => s.RunAsync(PartnersWorld.Host("phoenix"), 2024, confirm.Id))).Succeeded);
        await MovePhoenixAsync(w, stay, new(2024, 5, 10), new(2024, 5, 17));

        tasks = await PhoenixTasksAsync(w);
        Assert.Equal(new DateOnly(2024, 4, 2), tasks.Single(t => t.OffsetDays == -38).Due);
        Assert.Equal(new DateOnly(2024, 5, 20), tasks.Single(t => t.Title == "Send thank-you notes to hosts").Due);
        var done = tasks.Single(t => t.Id == confirm.Id);
        Assert.Equal((TaskStatus.Done, new DateOnly(2024, 4, 17)), (done.Status, done.Due));

        // Reopened, it follows the group again.
        Assert.True((await w.RunAsync<CompleteTask, Result>(s => s.RunAsync(PartnersWorld.Admin, 2024, confirm.Id, done: false))).Succeeded);
        Assert.Equal(new DateOnly(2024, 4, 19), (await PhoenixTasksAsync(w)).Single(t => t.Id == confirm.Id).Due);

        // Another city's group did not move.
        var tucson = (await w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(PartnersWorld.Admin, 2024, "tucson"))).List!.Tasks;
        Assert.Equal(new DateOnly(2024, 3, 30), tucson.Single(t => t.OffsetDays == -38).Due);
    }

    [Theory, ProviderData]
    public async Task Overdue_is_judged_on_the_city_s_own_calendar_and_comes_first(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider, assignGroups: false);
        await MovePhoenixAsync(w, await PhoenixStayAsync(w), new(2024, 5, 8), new(2024, 5, 15));
        await w.RunAsync<PrepareCountdown, PrepareCountdown.Outcome>(s => s.RunAsync(PartnersWorld.Admin, 2024));

        // 06:30 UTC on April 1 is still 23:30 on March 31 in Phoenix (MST, UTC−7 all year): due today, not overdue.
        w.Clock.Now = new DateTimeOffset(2024, 4, 1, 6, 30, 0, TimeSpan.Zero);
        var requests = (await PhoenixTasksAsync(w)).Single(t => t.OffsetDays == -38);
        Assert.Equal(TaskStatus.DueThisWeek, requests.Status);

        // An hour later it is April 1 in Phoenix too.
        w.Clock.Now = new DateTimeOffset(2024, 4, 1, 7, 30, 0, TimeSpan.Zero);
        var tasks = await PhoenixTasksAsync(w);
        Assert.Equal(TaskStatus.Overdue, tasks.Single(t => t.OffsetDays == -38).Status);
        Assert.Equal(TaskStatus.Overdue, tasks[0].Status);
        Assert.Equal(TaskStatus.Upcoming, tasks.Single(t => t.OffsetDays == -21).Status);
        Assert.True(tasks.Select(t => (int)t.Status).SequenceEqual(tasks.Select(t => (int)t.Status).Order()));
    }

    [Theory, ProviderData]
    public async Task Edited_templates_move_open_tasks_and_add_new_steps(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider, assignGroups: false);
        await w.RunAsync<PrepareCountdown, PrepareCountdown.Outcome>(s => s.RunAsync(PartnersWorld.Admin, 2024));
        var steps = (await w.RunAsync<GetCountdownTemplates, IReadOnlyList<CountdownTemplate>>(s => s.RunAsync(PartnersWorld.Admin, 2024)))
            .Select(t => new CountdownStepInput(t.Id, t.Title, t.Anchor, t.Title.StartsWith("Send meeting", StringComparison.Ordinal) ? -45 : t.OffsetDays, t.Owner))
            .Append(new CountdownStepInput(0, "Book the home hospitality evening", TaskAnchor.Arrival, -10, TaskOwner.Partner))
            .ToList();
        var saved = await w.RunAsync<SaveCountdownTemplates, Result>(s => s.RunAsync(PartnersWorld.Admin, 2024, steps));
        Assert.True(saved.Succeeded, saved.Error);

        var tasks = await PhoenixTasksAsync(w);
        Assert.Equal(Countdown.Defaults.Count + 1, tasks.Count);
        Assert.Equal(new DateOnly(2024, 3, 23), tasks.Single(t => t.Title == "Send meeting requests to hosts").Due);
        Assert.Equal(new DateOnly(2024, 4, 27), tasks.Single(t => t.Title == "Book the home hospitality evening").Due);

        var bad = await w.RunAsync<SaveCountdownTemplates, Result>(s => s.RunAsync(PartnersWorld.Admin, 2024, [new CountdownStepInput(0, "", TaskAnchor.Arrival, 1, TaskOwner.Staff)]));
        Assert.Equal("Step 1: give a title (up to 200 characters).", bad.Error);
        var far = await w.RunAsync<SaveCountdownTemplates, Result>(s => s.RunAsync(PartnersWorld.Admin, 2024, [new CountdownStepInput(0, "x", TaskAnchor.Arrival, 999, TaskOwner.Staff)]));
        Assert.Contains("between -365 and 365", far.Error);
    }

    [Theory, ProviderData]
    public async Task A_partner_sees_and_completes_its_city_s_tasks_only(Provider provider)
    {
        await using var w = await PartnersWorld.CreateAsync(provider, assignGroups: false);
        await w.RunAsync<PrepareCountdown, PrepareCountdown.Outcome>(s => s.RunAsync(PartnersWorld.Admin, 2024));
        var phoenix = PartnersWorld.Host("phoenix");

        // Asking for no city or its own city gives its own; another city is refused.
        var own = (await w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(phoenix, 2024))).List!;
        Assert.Equal("phoenix", own.CityId);
        Assert.All(own.Tasks, t => Assert.Equal("phoenix", t.CityId));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(phoenix, 2024, "tucson")));

        var tucsonTask = (await w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(PartnersWorld.Admin, 2024, "tucson"))).List!.Tasks[0];
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<CompleteTask, Result>(s => s.RunAsync(phoenix, 2024, tucsonTask.Id)));

        // Staff of another edition, and roles without a city, see none; templates are staff's.
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(PartnersWorld.OtherStaff(), 2024)));
        var interpreter = new UserScope("i", "Interpreter", new HashSet<string> { Roles.Interpreter }, new HashSet<int>(), GroupId: w.GroupIds["phoenix"]);
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(interpreter, 2024)));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<GetCountdownTemplates, IReadOnlyList<CountdownTemplate>>(s => s.RunAsync(phoenix, 2024)));
        await Assert.ThrowsAsync<OutOfScopeException>(() => w.RunAsync<PrepareCountdown, PrepareCountdown.Outcome>(s => s.RunAsync(phoenix, 2024)));

        var staff = (await w.RunAsync<ListTasks, (TaskList? List, string? Error)>(s => s.RunAsync(w.Staff(), 2024, owner: TaskOwner.Staff))).List!;
        Assert.Equal(w.GroupIds.Count * 2, staff.Tasks.Count);
    }
}
