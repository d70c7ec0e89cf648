using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>The <c>dead-letters</c> verb on a host whose dispatcher is off, so replayed letters stay in the outbox to be seen.</summary>
public class DeadLettersCommandTests(IdleDispatcherApiHost host) : IClassFixture<IdleDispatcherApiHost>
{
    private const string LastError = "HttpRequestException: Webhook 'crm' answered 503.";

    [Fact]
    public async Task Dead_letters_lists_the_letters_of_a_clinic_with_their_attempts_and_last_error()
    {
        var clinic = TestClinic.Unique();
        var letter = await AddAsync(clinic);
        await AddAsync(TestClinic.Unique());

        var run = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic);

        run.ExitCode.ShouldBe(0, run.Errors);
        run.OutputLines.Count.ShouldBe(2);
        run.OutputLines[0].ShouldStartWith($"{letter}  {clinic}  notification-due.v1  failed ");
        run.OutputLines[0].ShouldEndWith($"after 5 attempts: {LastError}");
        run.OutputLines[1].ShouldBe("1 dead letters.");
    }

    [Fact]
    public async Task Replaying_a_dead_letter_puts_it_back_in_the_outbox_under_its_schedule_key_once()
    {
        var clinic = TestClinic.Unique();
        var letter = await AddAsync(clinic, scheduleKey: "session-reminder:7");

        var replay = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic, "--replay", letter.ToString());
        var again = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic, "--replay", letter.ToString());

        replay.ExitCode.ShouldBe(0, replay.Errors);
        replay.OutputLines.ShouldBe([$"Replayed {letter}."]);
        (await OutboxRows.ScheduledAsync(host, "session-reminder:7")).ShouldNotBeNull().Attempts.ShouldBe(0);
        (await OutboxRows.CountAsync(host, "dead_letters", clinic)).ShouldBe(0);
        again.ExitCode.ShouldBe(1);
        again.OutputLines.ShouldBe([$"No dead letter {letter} to replay in {clinic}."]);
    }

    [Fact]
    public async Task Replay_all_replays_every_letter_of_the_clinic_however_many_there_are()
    {
        var (clinic, other) = (TestClinic.Unique(), TestClinic.Unique());
        await AddAsync(clinic, count: 1205);
        await AddAsync(other);

        var run = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic, "--replay-all");

        run.ExitCode.ShouldBe(0, run.Errors);
        run.OutputLines.ShouldBe(["Replayed 1205 dead letters."]);
        (await OutboxRows.CountAsync(host, "messages", clinic)).ShouldBe(1205);
        (await OutboxRows.CountAsync(host, "dead_letters", clinic)).ShouldBe(0);
        (await OutboxRows.CountAsync(host, "dead_letters", other)).ShouldBe(1, "another clinic's letters stay");
    }

    /// <summary>Adds <paramref name="count"/> dead notifications to the clinic; returns the id of one of them.</summary>
    private async Task<Guid> AddAsync(string clinic, string? scheduleKey = null, int count = 1)
    {
        var first = Guid.NewGuid();
        await OutboxRows.ExecuteAsync(host, """
            INSERT INTO {schema}.dead_letters (id, tenant_id, type, body, headers, attempts, last_error, schedule_key)
            SELECT CASE WHEN n = 1 THEN $1 ELSE gen_random_uuid() END, $2, 'notification-due.v1', '{}', '{}', 5, $3, $4::text
            FROM generate_series(1, $5) AS n
            """, first, clinic, LastError, (object?)scheduleKey ?? DBNull.Value, count);
        return first;
    }
}
