using Tmssw.Core.Participants;
using Tmssw.Core.Scheduling;

namespace Tmssw.Core.Tests.Participants;

public sealed class NominationLifecycleTests
{
    private static readonly DateTimeOffset At = new(2024, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_forward_path_records_every_step_with_who_when_and_why()
    {
        var p = new Participant { Id = 7 };
        Assert.True(p.ChangeStatus(NominationStatus.Vetted, "staff@x", "checked", At).Succeeded);
        Assert.True(p.ChangeStatus(NominationStatus.Confirmed, "staff@x", null, At.AddDays(1)).Succeeded);
        Assert.True(p.ChangeStatus(NominationStatus.Traveling, "staff@x", null, At.AddDays(2)).Succeeded);
        Assert.True(p.ChangeStatus(NominationStatus.Completed, "staff@x", null, At.AddDays(3)).Succeeded);

        Assert.Equal(NominationStatus.Completed, p.Status);
        Assert.Equal(
            [NominationStatus.Vetted, NominationStatus.Confirmed, NominationStatus.Traveling, NominationStatus.Completed],
            p.History.Select(h => h.To));
        Assert.Equal(NominationStatus.Nominated, p.History[0].From);
        Assert.Equal("checked", p.History[0].Reason);
        Assert.Equal(At.AddDays(3), p.History[^1].ChangedAt);
        Assert.All(p.History, h => Assert.Equal("staff@x", h.ChangedBy));
    }

    [Theory]
    [InlineData(NominationStatus.Nominated, NominationStatus.Confirmed)]
    [InlineData(NominationStatus.Nominated, NominationStatus.Completed)]
    [InlineData(NominationStatus.Vetted, NominationStatus.Nominated)]
    [InlineData(NominationStatus.Confirmed, NominationStatus.Completed)]
    public void Skipping_or_going_back_is_refused_with_the_allowed_moves(NominationStatus from, NominationStatus to)
    {
        var p = new Participant { Status = from };
        var result = p.ChangeStatus(to, "x", "r", At);
        Assert.False(result.Succeeded);
        Assert.Contains($"cannot become {to}", result.Error);
        Assert.Contains(NominationLifecycle.NextFrom(from)[0].ToString(), result.Error);
        Assert.Equal(from, p.Status);
        Assert.Empty(p.History);
    }

    [Theory]
    [InlineData(NominationStatus.Nominated)]
    [InlineData(NominationStatus.Vetted)]
    [InlineData(NominationStatus.Confirmed)]
    [InlineData(NominationStatus.Traveling)]
    public void Withdrawn_and_declined_are_reachable_before_completion_with_a_reason(NominationStatus from)
    {
        foreach (var to in new[] { NominationStatus.Withdrawn, NominationStatus.Declined })
        {
            var p = new Participant { Status = from };
            var noReason = p.ChangeStatus(to, "x", "  ", At);
            Assert.False(noReason.Succeeded);
            Assert.Contains("reason", noReason.Error);
            Assert.True(p.ChangeStatus(to, "x", "visa refused", At).Succeeded);
            Assert.Equal(to, p.Status);
        }
    }

    [Theory]
    [InlineData(NominationStatus.Completed)]
    [InlineData(NominationStatus.Withdrawn)]
    [InlineData(NominationStatus.Declined)]
    public void Final_states_do_not_change(NominationStatus final)
    {
        var p = new Participant { Status = final };
        var result = p.ChangeStatus(NominationStatus.Withdrawn, "x", "why", At);
        Assert.False(result.Succeeded);
        Assert.Contains("cannot change any more", result.Error);
        Assert.Empty(NominationLifecycle.NextFrom(final));
    }

    [Fact]
    public void Meeting_status_follows_planned_requested_confirmed_thanked()
    {
        var m = new Meeting();
        Assert.False(m.ChangeStatus(MeetingStatus.Confirmed).Succeeded);
        Assert.True(m.ChangeStatus(MeetingStatus.Requested).Succeeded);
        Assert.False(m.ChangeStatus(MeetingStatus.Thanked).Succeeded);
        Assert.True(m.ChangeStatus(MeetingStatus.Confirmed).Succeeded);
        Assert.True(m.ChangeStatus(MeetingStatus.Thanked).Succeeded);
        Assert.Contains("cannot change any more", m.ChangeStatus(MeetingStatus.Planned).Error);

        var declined = new Meeting { Status = MeetingStatus.Requested };
        Assert.True(declined.ChangeStatus(MeetingStatus.Declined).Succeeded);
        Assert.False(declined.ChangeStatus(MeetingStatus.Thanked).Succeeded);
    }
}
