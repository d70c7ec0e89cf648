using Clinic.Api.Tests.Support;
using Clinic.LocalCluster;

namespace Clinic.Api.Tests.Faults;

/// <summary>
/// PostgreSQL stopped in the middle of concurrent writes, then started again: the API answers 503 while it is away,
/// logs the outage once, and serves again by itself.
/// </summary>
[Collection(FaultsCollection.Name), Trait(FaultsCollection.Category, FaultsCollection.Name)]
public class DatabaseRestartTests
{
    [Fact]
    public async Task While_the_database_is_stopped_writes_get_503_with_retry_after_and_afterwards_every_acknowledged_one_is_kept()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-fault-db-" + Guid.NewGuid().ToString("N")[..8]);
        var database = await PostgresCluster.StartAsync(folder);
        try
        {
            var clinic = TestClinic.Unique("outage");
            await using var api = await ApiProcess.StartAsync($"--ConnectionStrings:Clinic={database.ConnectionString()}");

            var load = WriteLoad.Start(api, clinic);
            await using (load)
            {
                await load.WaitForMoreAcknowledgedAsync(40);
                await database.StopAsync();
                await load.WaitForOutageAnswersAsync(20);
                database.TryTakeOwnership().ShouldBeTrue();
                await database.RestartAsync();
                await load.WaitForMoreAcknowledgedAsync(40);
            }

            load.WrongAnswers.ShouldBeEmpty();
            await KeptWrites.ShouldAllBeKeptAsync(api, clinic, [.. load.Acknowledged]);
            api.LinesContaining("The database cannot be reached").Count.ShouldBe(1, string.Join('\n', api.Log));
            api.LinesContaining("The database answers again").Count.ShouldBe(1, string.Join('\n', api.Log));
            api.StackTraceLines().ShouldBeEmpty();
            api.Log.ShouldNotContain(line => line.Contains("maria@example.test"), "a command that failed on the outage is not quoted");
            // Nor do the daemon, Wolverine's agents or the readiness checks, failing all the while, add lines of their own. The
            // daemon says once that it went past the sequence numbers of appends the outage rolled back.
            WarningsAndErrors(api).ShouldAllBe(
                warning => warning.Header.Contains("DatabaseOutage") || warning.Message.Contains("high water detection is skipping the event sequence range"),
                string.Join('\n', api.Log));
        }
        finally
        {
            await database.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Each warning or error of the console log: its header line (level and category) and the message line after it.</summary>
    private static IEnumerable<(string Header, string Message)> WarningsAndErrors(ApiProcess api)
    {
        var lines = api.Log.ToList();
        return lines.Select((line, index) => (Header: line, Message: index + 1 < lines.Count ? lines[index + 1] : ""))
            .Where(entry => entry.Header.StartsWith("fail:") || entry.Header.StartsWith("warn:"));
    }
}
