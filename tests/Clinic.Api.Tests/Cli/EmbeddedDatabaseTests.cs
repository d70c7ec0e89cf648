using Clinic.Api.Cli;
using Clinic.EventStore.LocalCluster;
using Npgsql;

namespace Clinic.Api.Tests.Cli;

/// <summary>A verb run against the default embedded database while the API that started it runs (docs/operations.md: "safe while the API runs").</summary>
public class EmbeddedDatabaseTests
{
    [Fact]
    public async Task A_verb_on_the_embedded_database_a_running_api_started_leaves_it_running()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-embedded-test-" + Guid.NewGuid().ToString("N")[..8]);
        var startedByTheApi = await PostgresCluster.StartAsync(folder);
        try
        {
            using var output = new StringWriter();
            using var errors = new StringWriter();
            var exitCode = await ClinicHost.RunAsync(
                ["projections", $"--Clinic:DataDirectory={folder}", "--environment", "Testing", "--Logging:LogLevel:Default=Warning"], output, errors);

            exitCode.ShouldBe(0, errors.ToString());
            output.ToString().ShouldContain("audit-trail: async");
            await using var connection = new NpgsqlConnection(startedByTheApi.ConnectionString() + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM clinic.events", connection);
            (await command.ExecuteScalarAsync()).ShouldBe(0L);
        }
        finally
        {
            await startedByTheApi.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }
}
