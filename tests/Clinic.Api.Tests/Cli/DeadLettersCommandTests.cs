using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Cli;

/// <summary>The <c>dead-letters</c> verb (a process of its own, as run) on Wolverine's dead letters: notifications a failing webhook refused at their only attempt.</summary>
public class DeadLettersCommandTests(DeadLettersCommandTests.OneAttemptApiHost host) : IClassFixture<DeadLettersCommandTests.OneAttemptApiHost>
{
    [Fact]
    public async Task Dead_letters_lists_the_letters_of_a_clinic_with_their_attempts_and_last_error_and_replays_them_once_fixed()
    {
        var (clinic, other) = (TestClinic.Unique(), TestClinic.Unique());
        await DeadLetterAsync(clinic);
        await DeadLetterAsync(other);

        var list = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic);
        var listed = list.OutputLines.Where(line => line.Contains($"  {clinic}  ")).ShouldHaveSingleItem();
        var letter = listed.Split("  ")[0];
        host.Webhook.Failing = false;
        var replay = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic, "--replay", letter);
        var again = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic, "--replay", letter);

        list.ExitCode.ShouldBe(0, list.Output + list.Errors);
        listed.ShouldStartWith($"{letter}  {clinic}  notification-due.v1  failed ");
        listed.ShouldContain("after 1 attempts: System.Net.Http.HttpRequestException: Webhook 'clinic-gateway' answered 503.");
        list.OutputLines.ShouldContain("1 dead letters.");
        replay.ExitCode.ShouldBe(0, replay.Output + replay.Errors);
        replay.OutputLines.ShouldContain($"Replayed {letter}.");
        again.ExitCode.ShouldBe(1);
        again.OutputLines.ShouldContain($"No dead letter {letter} to replay in {clinic}.");
        await Eventually.WaitForAsync(() => host.Webhook.OfKind("event").FirstOrDefault(n => n["clinic"]!.GetValue<string>() == clinic));
        (await CliRun.RunAsync(host, "dead-letters", "--clinic", other)).OutputLines.ShouldContain("1 dead letters.", "another clinic's letters stay");
    }

    [Fact]
    public async Task Replay_all_replays_every_letter_of_the_clinic_and_no_other()
    {
        var (clinic, other) = (TestClinic.Unique(), TestClinic.Unique());
        for (var letter = 0; letter < 3; letter++)
            await DeadLetterAsync(clinic);
        await DeadLetterAsync(other);
        host.Webhook.Failing = false;

        var run = await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic, "--replay-all");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        run.OutputLines.ShouldContain("Replayed 3 dead letters.");
        (await CliRun.RunAsync(host, "dead-letters", "--clinic", clinic)).OutputLines.ShouldContain("0 dead letters.");
        (await CliRun.RunAsync(host, "dead-letters", "--clinic", other)).OutputLines.ShouldContain("1 dead letters.");
    }

    /// <summary>A side effect reported while the webhook fails: its event notification is dead-lettered after its one attempt.</summary>
    private async Task DeadLetterAsync(string clinic)
    {
        host.Webhook.Failing = true;
        var admin = host.Client("clinic-admin", clinic);
        var before = (await admin.GetOkAsync("/api/admin/dead-letters")).AsArray().Count;
        var journey = await new Journey(host, clinic).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        await journey.ReportSideEffectAsync(session, serious: false, onsetAt: Journey.Slot(4));
        await Eventually.WaitForAsync(async () =>
            (await admin.GetOkAsync("/api/admin/dead-letters")).AsArray().Count > before ? true : (bool?)null);
    }

    /// <summary>One attempt: the first failure dead-letters a message.</summary>
    public sealed class OneAttemptApiHost : MessagingApiHost
    {
        protected override int MaxAttempts => 1;
    }
}
