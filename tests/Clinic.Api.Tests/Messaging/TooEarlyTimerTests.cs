using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Messaging;

/// <summary>Timers fired by the database's clock while this node's clock says they are not due yet.</summary>
public class TooEarlyTimerTests(LaggingClockApiHost host) : IClassFixture<LaggingClockApiHost>
{
    [Fact]
    public async Task A_timer_refused_as_too_early_waits_for_its_due_time_without_spending_attempts_then_fires()
    {
        var journey = new Journey(host);
        var dueAt = DateTimeOffset.UtcNow - LaggingClockApiHost.Lag / 2; // due by the database's clock, not yet by the node's
        await journey.ConsultedAsync(dueAt.AddDays(-1));
        var test = await journey.AllergyTestAsync(read: false, appliedAt: dueAt.AddDays(-1));

        var putBack = await Eventually.WaitForAsync(async () =>
            (await OutboxRows.ScheduledAsync(host, "allergy-reading-due.v2", test.ToString())).FirstOrDefault(timer => timer.DueAt > DateTimeOffset.UtcNow));

        putBack.Attempts.ShouldBe(0, "the early delivery is scheduled again, not failed (one failure would have dead-lettered it)");
        putBack.DueAt.ShouldBeInRange(dueAt + LaggingClockApiHost.Lag - TimeSpan.FromSeconds(3), dueAt + LaggingClockApiHost.Lag + TimeSpan.FromSeconds(3));
        await Eventually.WaitForAsync(async () =>
            (await journey.HistoryAsync())["status"]!["allergy"]!["tests"]![0]!["readingOverdue"]!.GetValue<bool>() ? true : (bool?)null);
        (await OutboxRows.DeadLettersAsync(host)).ShouldBe(0);
    }
}
