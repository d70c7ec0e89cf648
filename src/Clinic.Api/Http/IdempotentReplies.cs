using Clinic.Api.Commands;
using Marten;

namespace Clinic.Api.Http;

/// <summary>The answer already given to a key, or the refusal of a key reused for another request.</summary>
internal static class IdempotentReplies
{
    /// <returns>The first answer, marked as replayed; a 422 for another request; null for a key not seen (or expired).</returns>
    public static async Task<IResult?> KnownAsync(IDocumentStore store, IQuerySession reads, IdempotencyKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = await reads.LoadAsync<IdempotencyRecord>(key.Key, cancellationToken);
        if (record is null)
            return null;
        if (record.ExpiresAt <= now)
        {
            await ForgetAsync(store, reads.TenantId, record, cancellationToken);
            return null;
        }
        return record.RequestHash == key.RequestHash
            ? new ReplayedResult(record.Reply)
            : CommandResults.Problem(StatusCodes.Status422UnprocessableEntity, CommandResult.IdempotencyKeyReused,
                "This Idempotency-Key was used with a different request; use a new key for a new request.");
    }

    /// <summary>An expired key is free again: its record goes, so that the command it comes with can record its own.</summary>
    private static async Task ForgetAsync(IDocumentStore store, string clinicId, IdempotencyRecord expired, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(clinicId);
        session.Delete(expired);
        await session.SaveChangesAsync(cancellationToken);
    }
}
