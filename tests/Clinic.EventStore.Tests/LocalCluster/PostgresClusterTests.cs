using Clinic.EventStore.LocalCluster;
using Npgsql;

namespace Clinic.EventStore.Tests.LocalCluster;

public class PostgresClusterTests
{
    [Fact]
    public async Task A_cluster_starts_in_a_folder_keeps_its_data_across_restarts_and_stops()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-cluster-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var first = await PostgresCluster.StartAsync(folder);
            await ExecuteAsync(first, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
            await first.StopAsync();
            await Should.ThrowAsync<NpgsqlException>(() => ExecuteAsync(first, "SELECT 1"));

            await using var second = await PostgresCluster.StartAsync(folder);
            await using var connection = new NpgsqlConnection(second.ConnectionString());
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT value FROM kept", connection);
            (await command.ExecuteScalarAsync()).ShouldBe("still here");
            (await new NpgsqlCommand("SHOW server_version_num", connection).ExecuteScalarAsync() as string)!.Length.ShouldBe(6);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_cluster_left_running_by_an_earlier_process_is_reused()
    {
        var folder = Path.Combine(Path.GetTempPath(), "clinic-cluster-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var earlier = await PostgresCluster.StartAsync(folder);
            await using var again = await PostgresCluster.StartAsync(folder);

            again.Port.ShouldBe(earlier.Port);
            await ExecuteAsync(again, "SELECT 1");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Without_installed_binaries_the_error_says_how_to_install_them()
    {
        Should.Throw<InvalidOperationException>(() => PostgresBinaries.FindDirectory("", "/nonexistent-postgresql-root"))
            .Message.ShouldContain("apt-get install postgresql");
    }

    private static async Task ExecuteAsync(PostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
