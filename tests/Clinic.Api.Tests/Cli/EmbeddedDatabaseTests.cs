using System.Runtime.Versioning;
using Clinic.Api.Database;
using Clinic.Api.Tests.Support;
using Clinic.LocalCluster;
using Npgsql;

namespace Clinic.Api.Tests.Cli;

/// <summary>
/// Where the embedded database lives, whoever starts it from wherever, and a verb run against it while the API that
/// started it runs (docs/operations.md: "safe while the API runs").
/// </summary>
public class EmbeddedDatabaseTests
{
    [Fact]
    public async Task A_verb_on_the_embedded_database_a_running_api_started_leaves_it_running()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-embedded-test-" + Guid.NewGuid().ToString("N")[..8]);
        var startedByTheApi = await PostgresCluster.StartAsync(folder);
        try
        {
            var projections = await RunAsync("projection-progress", $"--config:Clinic:DataDirectory={folder}");

            projections.ExitCode.ShouldBe(0, projections.Output + projections.Errors);
            projections.Output.ShouldContain("audit-trail: async");
            await using var connection = new NpgsqlConnection(startedByTheApi.ConnectionString() + ";Pooling=false");
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM clinic.mt_events", connection);
            (await command.ExecuteScalarAsync()).ShouldBe(0L);
        }
        finally
        {
            await startedByTheApi.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_default_data_folder_is_in_the_api_project_of_the_checkout_the_binaries_were_built_in()
    {
        var checkout = NewFolder("clinic-checkout-");
        try
        {
            var project = Directory.CreateDirectory(Path.Combine(checkout, "src", "Clinic.Api")).FullName;
            File.WriteAllText(Path.Combine(project, "Clinic.Api.csproj"), "<Project />");
            var binaries = Directory.CreateDirectory(Path.Combine(project, "bin", "Release", "net10.0", "linux-x64")).FullName;

            ClinicDatabase.DefaultDataDirectory(binaries).ShouldBe(Path.Combine(project, ".clinic-data", "postgres"));
        }
        finally
        {
            Directory.Delete(checkout, recursive: true);
        }
    }

    [Fact]
    public void Binaries_published_outside_a_checkout_keep_the_default_data_folder_beside_them()
    {
        var published = NewFolder("clinic-published-");
        try
        {
            ClinicDatabase.DefaultDataDirectory(published).ShouldBe(Path.Combine(published, ".clinic-data", "postgres"));
        }
        finally
        {
            Directory.Delete(published, recursive: true);
        }
    }

    [Fact, UnsupportedOSPlatform("windows")]
    public async Task A_data_folder_the_postgres_account_cannot_reach_is_replaced_by_one_of_its_own_under_var_lib_clinic()
    {
        // As mktemp -d makes it: only its owner may enter. A clone under /root is out of reach the same way.
        var privateFolder = NewFolder("clinic-private-");
        File.SetUnixFileMode(privateFolder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var wanted = Path.Combine(privateFolder, ".clinic-data", "postgres");
        var relocated = ClinicDatabase.ReachableDataDirectory(wanted);
        var expected = Environment.IsPrivilegedProcess ? relocated : wanted; // not root: the server runs as this user, who can reach it
        try
        {
            var projections = await RunAsync("projection-progress", $"--config:Clinic:DataDirectory={wanted}");

            projections.ExitCode.ShouldBe(0, projections.Output + projections.Errors);
            projections.Output.ShouldContain("audit-trail: async");
            File.Exists(Path.Combine(expected, "PG_VERSION")).ShouldBeTrue();
            File.GetUnixFileMode(privateFolder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        finally
        {
            Directory.Delete(privateFolder, recursive: true);
            if (Directory.Exists(relocated))
                Directory.Delete(Path.GetDirectoryName(relocated)!, recursive: true);
        }
    }

    private static string NewFolder(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..8])).FullName;

    private static Task<CliRun> RunAsync(params string[] args) =>
        CliRun.RunAsync([.. args, "--environment", "Development", "--config:Logging:LogLevel:Default=Warning"]);
}
