namespace Clinic.EventStore.Events;

/// <summary>
/// The oldest open transaction of the cluster, which holds back the event feed. Only what finds it: no
/// query text, which may hold personal data.
/// </summary>
/// <param name="ProcessId">The backend's pid (<c>pg_stat_activity.pid</c>); null for a prepared transaction, which has none.</param>
/// <param name="TransactionId">Its <c>backend_xid</c> (or <c>pg_prepared_xacts.transaction</c>).</param>
/// <param name="State"><c>active</c>, <c>idle in transaction</c>, ... or <c>prepared</c>.</param>
/// <param name="Database">The database it runs in: any database of the cluster holds the feed back.</param>
/// <param name="OpenFor">Since its transaction began (or was prepared).</param>
public sealed record HoldingTransaction(int? ProcessId, uint TransactionId, string? State, string? Database, TimeSpan OpenFor)
{
    public override string ToString() =>
        $"transaction {TransactionId} ({(ProcessId is null ? "" : $"pid {ProcessId}, ")}{State ?? "state hidden"}, database {Database ?? "hidden"}, open for {OpenFor:d\\.hh\\:mm\\:ss})";
}
