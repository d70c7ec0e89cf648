using Clinic.Api.Commands;
using Clinic.Domain.Common;
using Marten;

namespace Clinic.Api.Http;

/// <summary>The answer already given to a key: from the events its command recorded, or a refusal of a key reused for another request.</summary>
internal static class IdempotentReplies
{
    /// <returns>The first answer, marked as replayed; a 422 for another request; null for a key not seen (or expired).</returns>
    public static async Task<IResult?> KnownAsync(
        IDocumentStore store, IQuerySession reads, IdempotencyKey key, DateTimeOffset now, Func<CommandResult, Reply> reply, CancellationToken cancellationToken)
    {
        var record = await reads.LoadAsync<IdempotencyRecord>(key.Key, cancellationToken);
        if (record is null)
            return null;
        if (record.ExpiresAt <= now)
        {
            await ForgetAsync(store, reads.TenantId, record, cancellationToken);
            return null;
        }
        if (record.RequestHash != key.RequestHash)
            return CommandResults.Problem(StatusCodes.Status422UnprocessableEntity, CommandResult.IdempotencyKeyReused,
                "This Idempotency-Key was used with a different request; use a new key for a new request.");
        return new ReplayedResult(ClinicRequest.ToResult(reply(CommandResult.Accept(await RecordedAsync(reads, record, cancellationToken)))));
    }

    /// <summary>An expired key is free again: its record goes, so that the command it comes with can record its own.</summary>
    private static async Task ForgetAsync(IDocumentStore store, string clinicId, IdempotencyRecord expired, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession(clinicId);
        session.Delete(expired);
        await session.SaveChangesAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<IDomainEvent>> RecordedAsync(IQuerySession reads, IdempotencyRecord record, CancellationToken cancellationToken)
    {
        var events = new List<IDomainEvent>();
        foreach (var range in record.Appended)
        {
            var stream = await reads.Events.FetchStreamAsync(range.StreamId, version: range.ToVersion, fromVersion: range.FromVersion, token: cancellationToken);
            events.AddRange(stream.Select(e => (IDomainEvent)e.Data));
        }
        return events;
    }
}
