using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Clinic.Api.Database;
using Npgsql;

namespace Clinic.Api.Integrity;

/// <summary>The clinics' checkpoints in the database: taken, read back in order, and the clinics that have streams or checkpoints.</summary>
public sealed class CheckpointStore(IntegrityDatabase database, CheckpointSigner signer, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private string Checkpoints => $"{database.Schema}.{EventChain.CheckpointsTable}";

    /// <summary>
    /// Takes the clinic's next checkpoint: every stream whose head moved on since the last one. A head that moved back or
    /// changed at the same version is not recorded: the checkpoints keep what was recorded, for verify to find the break.
    /// </summary>
    public async Task<Checkpoint> TakeAsync(string clinic, CancellationToken ct) => (await TakeNextAsync(clinic, onlyWhenChanged: false, ct))!;

    /// <summary>Takes the clinic's next checkpoint when a head moved on since the last one (or there is none yet); null otherwise.</summary>
    public Task<Checkpoint?> TakeIfChangedAsync(string clinic, CancellationToken ct) => TakeNextAsync(clinic, onlyWhenChanged: true, ct);

    private async Task<Checkpoint?> TakeNextAsync(string clinic, bool onlyWhenChanged, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await LockAsync(connection, clinic, ct);
        var before = await ReadAllAsync(connection, clinic, ct);
        var recorded = CheckpointChain.HeadsOf(before);
        var changed = (await CurrentHeadsAsync(connection, clinic, ct))
            .Where(head => !recorded.TryGetValue(head.StreamId, out var recordedHead) || head.Version > recordedHead.Version).ToList();
        if (onlyWhenChanged && changed.Count == 0 && before.Count > 0)
            return null;
        var last = before.LastOrDefault();
        var checkpoint = Checkpoint.Signed(clinic, (last?.Sequence ?? 0) + 1, StoredTime.Of(clock.GetUtcNow().UtcDateTime), changed,
            last?.Hash ?? Checkpoint.Genesis, signer);
        await InsertAsync(connection, checkpoint, ct);
        await transaction.CommitAsync(ct);
        return checkpoint;
    }

    public async Task<IReadOnlyList<Checkpoint>> AllAsync(string clinic, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        return await ReadAllAsync(connection, clinic, ct);
    }

    public async Task<Checkpoint?> LatestAsync(string clinic, CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var select = Command(connection, $"{SelectColumns} WHERE tenant_id = $1 ORDER BY sequence DESC LIMIT 1", clinic);
        await using var reader = await select.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>Every clinic with a stream or a checkpoint.</summary>
    public async Task<IReadOnlyList<string>> ClinicsAsync(CancellationToken ct)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(ct);
        await using var select = Command(connection,
            $"SELECT tenant_id FROM {database.Schema}.mt_streams UNION SELECT tenant_id FROM {Checkpoints} ORDER BY 1");
        await using var reader = await select.ExecuteReaderAsync(ct);
        var clinics = new List<string>();
        while (await reader.ReadAsync(ct))
            clinics.Add(reader.GetString(0));
        return clinics;
    }

    private string SelectColumns =>
        $"SELECT tenant_id, sequence, created_at, changed_heads::text, previous_hash, hash, key_id, signature FROM {Checkpoints}";

    private async Task<IReadOnlyList<Checkpoint>> ReadAllAsync(NpgsqlConnection connection, string clinic, CancellationToken ct)
    {
        await using var select = Command(connection, $"{SelectColumns} WHERE tenant_id = $1 ORDER BY sequence", clinic);
        await using var reader = await select.ExecuteReaderAsync(ct);
        var checkpoints = new List<Checkpoint>();
        while (await reader.ReadAsync(ct))
            checkpoints.Add(Read(reader));
        return checkpoints;
    }

    private static Checkpoint Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetInt64(1), reader.GetDateTime(2),
        JsonSerializer.Deserialize<List<StreamHead>>(reader.GetString(3), Json) ?? [],
        reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<byte[]>(5), reader.GetString(6), reader.GetFieldValue<byte[]>(7));

    /// <summary>The head of each of the clinic's streams: the version its stream row holds, and that version's hash.</summary>
    private async Task<List<StreamHead>> CurrentHeadsAsync(NpgsqlConnection connection, string clinic, CancellationToken ct)
    {
        await using var select = Command(connection, $"""
            SELECT s.id, s.version::bigint, h.hash FROM {database.Schema}.mt_streams AS s
            JOIN {database.Schema}.{EventChain.HashesTable} AS h ON h.tenant_id = s.tenant_id AND h.stream_id = s.id AND h.version = s.version
            WHERE s.tenant_id = $1
            ORDER BY s.id
            """, clinic);
        await using var reader = await select.ExecuteReaderAsync(ct);
        var heads = new List<StreamHead>();
        while (await reader.ReadAsync(ct))
            heads.Add(new StreamHead(reader.GetGuid(0), reader.GetInt64(1), Convert.ToHexStringLower(reader.GetFieldValue<byte[]>(2))));
        return heads;
    }

    private async Task InsertAsync(NpgsqlConnection connection, Checkpoint checkpoint, CancellationToken ct)
    {
        await using var insert = Command(connection, $"""
            INSERT INTO {Checkpoints} (tenant_id, sequence, created_at, changed_heads, previous_hash, hash, key_id, signature)
            VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)
            """, checkpoint.Clinic, checkpoint.Sequence, checkpoint.CreatedAt, JsonSerializer.Serialize(checkpoint.ChangedHeads, Json),
            checkpoint.PreviousHash, checkpoint.Hash, checkpoint.KeyId, checkpoint.Signature);
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One checkpoint of a clinic at a time, whichever API node takes it.</summary>
    private async Task LockAsync(NpgsqlConnection connection, string clinic, CancellationToken ct)
    {
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"clinic-checkpoint:{database.Schema}:{clinic}")));
        await using var command = Command(connection, "SELECT pg_advisory_xact_lock($1)", key);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        return command;
    }
}
