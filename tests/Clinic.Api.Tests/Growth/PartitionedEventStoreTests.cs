using Clinic.Api.Audit;
using Clinic.Api.Dashboard;
using Clinic.Api.Database;
using Clinic.Api.Tests.Integrity;
using Clinic.Api.Tests.Storage;
using Clinic.Api.Tests.Support;
using Clinic.Api.Tests.Tenancy;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Clinic.Api.Tests.Growth;

/// <summary>The API with <c>Clinic:EventStore:PartitionByTenant</c> on: the events and streams partitioned by clinic.</summary>
public class PartitionedApiHost : ApiHost
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [new("Clinic:EventStore:PartitionByTenant", "true")];

    /// <summary>
    /// Waits until every async projection of every clinic holds that clinic's last event. Marten's own wait checks only the
    /// clinics whose high-water mark the daemon already tracks, so it can return before the daemon has found a new clinic.
    /// </summary>
    public override Task WaitForProjectionsAsync() =>
        Eventually.WaitForAsync(async () => await CaughtUpAsync() ? this : null, TimeSpan.FromSeconds(30));

    private async Task<bool> CaughtUpAsync()
    {
        var shards = ((DocumentStore)Store()).Options.Projections.AllShards().Select(shard => shard.Name.Identity).ToArray();
        var progress = (await Store().Advanced.AllProjectionProgress()).ToDictionary(row => row.ShardName, row => row.Sequence);
        var lastEvents = await TestSql.RowsAsync($"SELECT tenant_id, max(seq_id) FROM {Schema}.mt_events GROUP BY tenant_id",
            reader => (Clinic: reader.GetString(0), Sequence: reader.GetInt64(1)));
        return lastEvents.All(last => shards.All(shard => progress.GetValueOrDefault($"{shard}:{last.Clinic}") >= last.Sequence));
    }
}

/// <summary>
/// With the events partitioned by clinic, each clinic's first command creates its partitions, which hold its events and
/// streams, are guarded like the parent table, and are part of what applying the schema checks and repairs.
/// </summary>
public class PartitionedEventStoreTests(PartitionedApiHost host) : IClassFixture<PartitionedApiHost>
{
    [Fact]
    public async Task The_events_and_streams_are_partitioned_by_clinic()
    {
        var partitioned = await TestSql.RowsAsync("""
            SELECT c.relname FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = $1 AND p.partstrat = 'l' ORDER BY c.relname
            """, reader => reader.GetString(0), host.Schema);

        partitioned.ShouldBe(["mt_events", "mt_streams"]);
    }

    [Fact]
    public async Task Each_clinic_s_events_and_streams_are_in_a_partition_of_its_own()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await new Journey(host).ReadyForTreatmentAsync();

        foreach (var clinic in new[] { first.Clinic, second.Clinic })
        {
            var suffix = ClinicPartitions.SuffixOf(clinic);
            (await PartitionsOfAsync("mt_events")).ShouldContain($"mt_events_{suffix}");
            (await PartitionsOfAsync("mt_streams")).ShouldContain($"mt_streams_{suffix}");
            var inPartition = await TestSql.CountAsync($"SELECT count(*) FROM {host.Schema}.mt_events_{suffix}");
            inPartition.ShouldBeGreaterThan(0);
            inPartition.ShouldBe(await TestSql.CountAsync($"SELECT count(*) FROM {host.Schema}.mt_events WHERE tenant_id = $1", clinic));
            (await TestSql.CountAsync($"SELECT count(*) FROM {host.Schema}.mt_events_{suffix} WHERE tenant_id <> $1", clinic)).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Both_clinics_audit_trails_are_projected_from_their_own_events()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await new Journey(host).RegisterPatientAsync();

        await host.WaitForProjectionsAsync();

        foreach (var journey in new[] { first, second })
        {
            await using var session = host.Store().QuerySession(journey.Clinic);
            var entries = await session.Query<AuditEntry>().CountAsync();
            entries.ShouldBe((int)await TestSql.CountAsync($"SELECT count(*) FROM {host.Schema}.mt_events WHERE tenant_id = $1", journey.Clinic));
        }
    }

    [Theory]
    [InlineData("UPDATE", "UPDATE {0} SET data = '{{}}'::jsonb", false)]
    [InlineData("DELETE", "DELETE FROM {0}", false)]
    [InlineData("TRUNCATE", "TRUNCATE {0}", false)]
    [InlineData("UPDATE", "UPDATE {0} SET data = '{{}}'::jsonb", true)]
    [InlineData("DELETE", "DELETE FROM {0}", true)]
    [InlineData("TRUNCATE", "TRUNCATE {0}", true)]
    public async Task The_events_table_and_each_clinic_s_partition_refuse_changes_to_events(string operation, string statement, bool onPartition)
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var table = onPartition ? $"mt_events_{ClinicPartitions.SuffixOf(journey.Clinic)}" : "mt_events";
        var before = await EventCountAsync(journey.Clinic);

        var refusal = await Should.ThrowAsync<PostgresException>(() => TestSql.ExecuteAsync(string.Format(statement, $"{host.Schema}.{table}")));

        refusal.SqlState.ShouldBe(AppendOnlyEventsGuard.RefusedState);
        refusal.MessageText.ShouldBe($"events are append-only: {operation} on {host.Schema}.{table} refused");
        (await EventCountAsync(journey.Clinic)).ShouldBe(before);
    }

    /// <summary>
    /// Partitioned, the events have no foreign key to their streams (Marten leaves it out), so emptying the streams no
    /// longer reaches the events' guard: it is not refused, but the events stay as they were (docs/operations.md, Growth).
    /// </summary>
    [Fact]
    public async Task Emptying_a_clinic_s_streams_leaves_its_events_as_they_were()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var before = await EventCountAsync(journey.Clinic);

        await TestSql.ExecuteAsync($"TRUNCATE {host.Schema}.mt_streams_{ClinicPartitions.SuffixOf(journey.Clinic)} CASCADE");

        (await EventCountAsync(journey.Clinic)).ShouldBe(before);
    }

    [Fact]
    public async Task Applying_the_schema_restores_the_guard_of_a_clinic_s_partition()
    {
        var journey = await new Journey(host).RegisterPatientAsync();
        var partition = $"{host.Schema}.mt_events_{ClinicPartitions.SuffixOf(journey.Clinic)}";
        (await GuardDifferenceAsync()).ShouldBe(SchemaPatchDifference.None);
        await TestSql.ExecuteAsync($"DROP TRIGGER {AppendOnlyEventsGuard.Name} ON {partition}");
        (await GuardDifferenceAsync()).ShouldNotBe(SchemaPatchDifference.None);

        await host.Store().Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        (await GuardDifferenceAsync()).ShouldBe(SchemaPatchDifference.None);
        var refusal = await Should.ThrowAsync<PostgresException>(() => TestSql.ExecuteAsync($"DELETE FROM {partition}"));
        refusal.SqlState.ShouldBe(AppendOnlyEventsGuard.RefusedState);
    }

    private Task<IReadOnlyList<string>> PartitionsOfAsync(string table) => TestSql.RowsAsync(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = $1::regclass",
        reader => reader.GetString(0), $"{host.Schema}.{table}");

    private Task<long> EventCountAsync(string clinic) =>
        TestSql.CountAsync($"SELECT count(*) FROM {host.Schema}.mt_events WHERE tenant_id = $1", clinic);

    private async Task<SchemaPatchDifference> GuardDifferenceAsync()
    {
        var migration = await host.Store().Storage.Database.CreateMigrationAsync();
        return migration.Deltas.Single(delta => delta.SchemaObject is AppendOnlyEventsGuard).Difference;
    }
}

/// <summary>The hash chain's tamper evidence, on events partitioned by clinic.</summary>
public class PartitionedTamperEvidenceTests(PartitionedApiHost host) : TamperEvidenceTests(host), IClassFixture<PartitionedApiHost>;

/// <summary>The chain's trigger as part of the schema, on events partitioned by clinic.</summary>
public class PartitionedEventChainSchemaTests(PartitionedApiHost host) : EventChainSchemaTests(host), IClassFixture<PartitionedApiHost>;

/// <summary>Clinics kept apart, on events partitioned by clinic.</summary>
public class PartitionedTenantIsolationTests(PartitionedApiHost host) : TenantIsolationTests(host), IClassFixture<PartitionedApiHost>;

/// <summary><c>projection-progress</c> on events partitioned by clinic: each clinic measured against its own position.</summary>
public class PartitionedProjectionProgressTests(PartitionedApiHost host) : IClassFixture<PartitionedApiHost>
{
    [Fact]
    public async Task Clinics_of_different_sizes_caught_up_are_not_behind()
    {
        await new Journey(host).RegisterPatientAsync();
        await new Journey(host).ReadyForTreatmentAsync();
        await host.WaitForProjectionsAsync();

        var run = await CliRun.RunAsync(host, "projection-progress");

        run.ExitCode.ShouldBe(0, run.Output + run.Errors);
        run.OutputLines.ShouldContain(line => line.StartsWith("audit-trail: async, ") && line.EndsWith(" clinics, 0 events behind"), run.Output);
        run.OutputLines.ShouldNotContain(line => line.StartsWith("audit-trail: async, 0 clinics"), run.Output);
    }
}

/// <summary>The partitioned API without its own daemon: a test starts one when the clinics' events are all there.</summary>
public sealed class IdlePartitionedApiHost : PartitionedApiHost
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [.. base.ExtraSettings(), new("Clinic:RunDaemon", "false")];
}

/// <summary>With events partitioned by clinic, the daemon applies each clinic's events on an agent of its own, all at once.</summary>
public class PartitionedDaemonTests(IdlePartitionedApiHost host) : IClassFixture<IdlePartitionedApiHost>
{
    [Fact]
    public async Task Clinics_caught_up_at_once_each_get_their_own_audit_positions_and_dashboard_counts()
    {
        var clinics = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var journey = await new Journey(host).ReadyForTreatmentAsync();
            await journey.AnotherPatient().PatientReadyAsync();
            clinics.Add(journey.Clinic);
        }

        using var daemon = await host.Store().BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        await host.WaitForProjectionsAsync();
        await daemon.StopAllAsync();

        foreach (var clinic in clinics)
        {
            await StoredAudit.ShouldAuditEveryEventOnceInSequenceOrderAsync(host, clinic);
            var events = await StoredAudit.EventsAsync(host, clinic);
            await using var session = host.Store().QuerySession(clinic);
            var counts = (await session.LoadAsync<DashboardTally>(DashboardTally.DocumentId)).ShouldNotBeNull().Counts;
            counts.Patients.ShouldBe(events.Count(e => e.Data is PatientRegistered), clinic);
            counts.ScreeningOutcomes.Values.Sum().ShouldBe(events.Count(e => e.Data is PatientScreened), clinic);
        }
    }
}
