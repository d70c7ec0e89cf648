using System.Security.Cryptography;
using Marten;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Clinic.Api.Privacy;

/// <summary>
/// The patients' keys (AES-256), one per patient in <see cref="PersonalKeysTable"/>, with the keys this node has read in
/// memory for <see cref="CacheTtl"/>. A destroyed key stays in its row as a tombstone: null, with when it was destroyed,
/// so that no later write creates a new key for an erased patient.
/// </summary>
public sealed class PersonalKeys(NpgsqlDataSource dataSource, string schema, TimeProvider clock, TimeSpan cacheTtl)
{
    public const int KeyBytes = 32;

    /// <summary>How long another node may still open a destroyed key's values: the age at which this node reads a key again.</summary>
    public static readonly TimeSpan DefaultCacheTtl = TimeSpan.FromSeconds(30);

    private readonly string _table = $"{schema}.{PersonalKeysTable.Name}";
    // A destroyed key is remembered as null: no value of hers is opened from memory again.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions());

    public TimeSpan CacheTtl => cacheTtl;

    /// <summary>
    /// The patient's key, null when it was destroyed or never made. A key not in memory is read from the database
    /// synchronously: this is called while Marten or Wolverine deserialize, which offer no asynchronous hook.
    /// </summary>
    public byte[]? Find(Guid subject)
    {
        if (_cache.TryGetValue(subject, out byte[]? cached))
            return cached;
        using var command = dataSource.CreateCommand($"SELECT key FROM {_table} WHERE subject_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = subject });
        return Remember(subject, command.ExecuteScalar() as byte[]);
    }

    /// <summary>
    /// Makes a new patient's key in <paramref name="session"/>'s transaction (a key whose registration rolled back is
    /// only ever in this node's memory, for <see cref="CacheTtl"/>).
    /// </summary>
    public void QueueCreate(IDocumentSession session, Guid subject)
    {
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        session.QueueSqlCommand($"INSERT INTO {_table} (subject_id, tenant_id, key, created_at) VALUES (?, ?, ?, ?)", subject, session.TenantId, key, clock.GetUtcNow());
        Remember(subject, key);
    }

    /// <summary>
    /// Reads the patient's key into memory if it is not there, so that sealing her values while a session is written
    /// finds it there; makes it if she has none yet (a patient registered before her values were sealed), never again
    /// once destroyed (the row stays, its key null).
    /// </summary>
    public async Task LoadAsync(Guid subject, string tenantId, CancellationToken cancellationToken)
    {
        // A key known to be missing is asked for again: a read may have found none just before her first sealed record.
        if (_cache.TryGetValue(subject, out byte[]? cached) && cached is not null)
            return;
        // The statement's snapshot does not see its own insert: one of the two selects answers.
        await using var command = dataSource.CreateCommand($"""
            WITH made AS (
                INSERT INTO {_table} (subject_id, tenant_id, key, created_at) VALUES ($1, $2, $3, $4)
                ON CONFLICT (subject_id) DO NOTHING RETURNING key)
            SELECT key FROM made UNION ALL SELECT key FROM {_table} WHERE subject_id = $1
            """);
        foreach (var value in new object[] { subject, tenantId, RandomNumberGenerator.GetBytes(KeyBytes), clock.GetUtcNow() })
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        Remember(subject, await command.ExecuteScalarAsync(cancellationToken) as byte[]);
    }

    /// <summary>
    /// Reads into memory, in one query, the keys of <paramref name="subjects"/> that are not there: a read about several
    /// patients then opens their values from memory instead of one synchronous query per patient. A patient without a
    /// key is left out (her next record makes one).
    /// </summary>
    public async Task PreloadAsync(IEnumerable<Guid> subjects, CancellationToken cancellationToken)
    {
        var missing = subjects.Distinct().Where(subject => !_cache.TryGetValue(subject, out _)).ToArray();
        if (missing.Length == 0)
            return;
        await using var command = dataSource.CreateCommand($"SELECT subject_id, key FROM {_table} WHERE subject_id = ANY($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = missing });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            Remember(reader.GetGuid(0), await reader.IsDBNullAsync(1, cancellationToken) ? null : reader.GetFieldValue<byte[]>(1));
    }

    /// <summary>Destroys the patient's key when <paramref name="session"/> commits, in its transaction.</summary>
    public void QueueDestroy(IDocumentSession session, Guid subject) =>
        session.QueueSqlCommand($"UPDATE {_table} SET key = NULL, destroyed_at = ? WHERE subject_id = ?", clock.GetUtcNow(), subject);

    /// <summary>Remembers the key as destroyed on this node (other nodes read it again within <see cref="CacheTtl"/>).</summary>
    public void Forget(Guid subject) => _cache.Set<byte[]?>(subject, null);

    private byte[]? Remember(Guid subject, byte[]? key) => _cache.Set(subject, key, cacheTtl);
}
