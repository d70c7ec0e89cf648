using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Clinic.LocalCluster.Tests;

public class PostgresClusterTests
{
    [Fact]
    public async Task A_cluster_starts_in_a_folder_keeps_its_data_across_restarts_and_stops()
    {
        var folder = NewFolder();
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
    public async Task A_cluster_another_instance_started_is_reused_and_left_running_when_the_reuser_is_disposed()
    {
        var folder = NewFolder();
        var starter = await PostgresCluster.StartAsync(folder);
        try
        {
            var reuser = await PostgresCluster.StartAsync(folder);
            reuser.Port.ShouldBe(starter.Port);
            reuser.IsOwner.ShouldBeFalse();
            await ExecuteAsync(reuser, "SELECT 1");

            await reuser.DisposeAsync();

            starter.IsOwner.ShouldBeTrue();
            await ExecuteAsync(starter, "SELECT 1");
        }
        finally
        {
            await starter.DisposeAsync();
            Directory.Delete(folder, recursive: true);
        }
        await Should.ThrowAsync<NpgsqlException>(() => ExecuteAsync(starter, "SELECT 1"));
    }

    [Fact]
    public async Task A_cluster_whose_starter_is_gone_is_adopted_and_stopped_by_the_next_user()
    {
        var folder = NewFolder();
        try
        {
            var starter = await PostgresCluster.StartAsync(folder);
            // The starter's lock is on this file: without it, nobody holds the folder, as when the starter's process has died.
            File.Delete(Path.Combine(folder, "clinic-owner.lock"));

            var adopter = await PostgresCluster.StartAsync(folder);
            adopter.IsOwner.ShouldBeTrue();
            await adopter.DisposeAsync();

            await Should.ThrowAsync<NpgsqlException>(() => ExecuteAsync(starter, "SELECT 1"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_killed_server_is_seen_stopped_and_its_owner_starts_it_again_on_its_port_with_its_data_and_settings()
    {
        var folder = NewFolder();
        try
        {
            await using var owner = await PostgresCluster.StartAsync(folder, new Dictionary<string, string> { ["idle_in_transaction_session_timeout"] = "61s" });
            await ExecuteAsync(owner, "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
            var borrower = await PostgresCluster.StartAsync(folder);
            owner.IsServerRunning().ShouldBeTrue();

            using (var postmaster = Process.GetProcessById(int.Parse(File.ReadLines(Path.Combine(folder, "postmaster.pid")).First())))
            {
                postmaster.Kill();
                await postmaster.WaitForExitAsync();
            }

            owner.IsServerRunning().ShouldBeFalse();
            borrower.TryTakeOwnership().ShouldBeFalse();
            await Should.ThrowAsync<InvalidOperationException>(() => borrower.RestartAsync());
            await RestartOnceItsOrphansHaveGoneAsync(owner);
            owner.IsServerRunning().ShouldBeTrue();
            (await ScalarAsync(owner, "SELECT value FROM kept")).ShouldBe("still here");
            (await ScalarAsync(owner, "SHOW idle_in_transaction_session_timeout")).ShouldBe("61s");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_port_taken_between_picking_it_and_starting_the_server_is_given_up_for_another()
    {
        var folder = NewFolder();
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        var free = FreePort();
        var offered = new Queue<int>([taken, free]);
        try
        {
            await using var cluster = await PostgresCluster.StartAsync(folder, null, offered.Dequeue, CancellationToken.None);

            cluster.Port.ShouldBe(free);
            offered.ShouldBeEmpty();
            await ExecuteAsync(cluster, "SELECT 1");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_newest_installed_version_is_chosen_when_the_programs_on_path_are_older_than_15()
    {
        var fake = NewFolder();
        try
        {
            FakeServerPrograms(Path.Combine(fake, "path"), "14.9");
            foreach (var version in new[] { "13", "15", "17" })
                FakeServerPrograms(Path.Combine(fake, "root", version, "bin"), version + ".0");
            Directory.CreateDirectory(Path.Combine(fake, "root", "18", "bin")); // an upgrade half removed: no programs

            PostgresBinaries.FindDirectory(Path.Combine(fake, "path"), Path.Combine(fake, "root"))
                .ShouldBe(Path.Combine(fake, "root", "17", "bin"));
        }
        finally
        {
            Directory.Delete(fake, recursive: true);
        }
    }

    [Fact]
    public void Programs_on_path_of_version_15_or_newer_win_over_installed_ones()
    {
        var fake = NewFolder();
        try
        {
            FakeServerPrograms(Path.Combine(fake, "path"), "16.4 (Debian 16.4-1)");
            FakeServerPrograms(Path.Combine(fake, "root", "17", "bin"), "17.0");

            PostgresBinaries.FindDirectory(Path.Combine(fake, "path"), Path.Combine(fake, "root"))
                .ShouldBe(Path.Combine(fake, "path"));
        }
        finally
        {
            Directory.Delete(fake, recursive: true);
        }
    }

    [Fact]
    public void Without_installed_binaries_the_error_says_how_to_install_them()
    {
        Should.Throw<InvalidOperationException>(() => PostgresBinaries.FindDirectory("", "/nonexistent-postgresql-root"))
            .Message.ShouldContain("apt-get install postgresql");
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "clinic-cluster-test-" + Guid.NewGuid().ToString("N")[..8]);

    /// <summary>A folder with an initdb and a pg_ctl that only answers --version, as <paramref name="version"/>.</summary>
    private static void FakeServerPrograms(string binDirectory, string version)
    {
        Directory.CreateDirectory(binDirectory);
        foreach (var program in new[] { "pg_ctl", "initdb" })
        {
            var file = Path.Combine(binDirectory, program);
            File.WriteAllText(file, $"#!/bin/sh\necho \"{program} (PostgreSQL) {version}\"\n");
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The killed postmaster's backends take a moment to notice and end; until then a new server refuses to start.</summary>
    private static async Task RestartOnceItsOrphansHaveGoneAsync(PostgresCluster cluster)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await cluster.RestartAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                await Task.Delay(500);
            }
        }
    }

    private static async Task<object?> ScalarAsync(PostgresCluster cluster, string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    private static Task ExecuteAsync(PostgresCluster cluster, string sql) => ScalarAsync(cluster, sql);
}
