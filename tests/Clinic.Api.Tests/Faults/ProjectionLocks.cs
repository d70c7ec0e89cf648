using Clinic.Api.Database;
using Clinic.Api.Privacy;
using Clinic.Api.Tests.Support;
using Clinic.Testing;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Npgsql;

namespace Clinic.Api.Tests.Faults;

/// <summary>
/// Which node runs each async projection, read from PostgreSQL itself: in hot/cold mode a node runs a projection only
/// while it holds that projection's advisory lock, and PostgreSQL's <c>pg_locks</c> says which session holds it. A node
/// is told apart by the application name of its connections.
/// </summary>
public static class ProjectionLocks
{
    /// <summary>For each async projection of the store in <paramref name="schema"/>, the application names of the sessions holding its lock.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> HoldersAsync(string schema)
    {
        var shards = await AsyncShardsAsync(schema);
        var lockIds = shards.ToDictionary(LockIdOf(schema), shard => shard.Name);
        // A lock taken on one bigint key shows its high half as classid and its low half as objid.
        var held = await TestSql.RowsAsync("""
            SELECT (l.classid::bigint << 32) | l.objid::bigint, a.application_name
            FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
            WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND ((l.classid::bigint << 32) | l.objid::bigint) = ANY($1)
            """, reader => (Projection: lockIds[(int)reader.GetInt64(0)], Holder: reader.GetString(1)), lockIds.Keys.Select(id => (long)id).ToArray());
        return shards.ToDictionary(shard => shard.Name,
            IReadOnlyList<string> (shard) => held.Where(row => row.Projection == shard.Name).Select(row => row.Holder).ToList());
    }

    /// <summary>The shards of the async projections the API's store runs, as its options list them (no database is opened).</summary>
    private static async Task<IReadOnlyList<ShardName>> AsyncShardsAsync(string schema)
    {
        await using var dataSource = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync());
        var options = ClinicMarten.Options(dataSource, schema, new PersonalKeys(dataSource, schema, TimeProvider.System, TimeSpan.Zero));
        return options.Projections.All.Where(projection => projection.Lifecycle == ProjectionLifecycle.Async)
            .SelectMany(projection => projection.ShardNames()).ToList();
    }

    /// <summary>Whether the node of <paramref name="applicationName"/> alone runs every async projection.</summary>
    public static async Task<bool> AllRunOnlyOnAsync(string schema, string applicationName) =>
        (await HoldersAsync(schema)).Values.All(holders => holders.SequenceEqual([applicationName]));

    private static Func<ShardName, int> LockIdOf(string schema) =>
        shard => ProjectionLockIds.Compute(schema, shard, ClinicMarten.DaemonLockIdFor(schema));
}
