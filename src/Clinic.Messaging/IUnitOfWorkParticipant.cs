using Npgsql;

namespace Clinic.Messaging;

/// <summary>
/// Extra writes that must commit or roll back with a session's events and documents (an outbox, an
/// idempotency record...). Its commands run after the events and documents, in the same transaction.
/// </summary>
public interface IUnitOfWorkParticipant
{
    IEnumerable<NpgsqlBatchCommand> Commands(string tenantId);
}
