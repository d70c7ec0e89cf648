using Clinic.Messaging.Delivery;
using Clinic.Messaging.Idempotency;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Marten.Services;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Clinic.Messaging.Commands;

/// <summary>
/// The one pipeline every command goes through: (replay a known idempotency key) → let the handler load and
/// decide in a fresh Marten session → commit its events, documents, outgoing messages, the idempotent reply and
/// the inbox entry of the message that caused it, in one transaction (Marten's session runs in a transaction the
/// bus opens, and the messaging writes follow its changes before the bus commits). A rejected command writes nothing. A
/// concurrency conflict is decided again on fresh state a bounded number of times before it is rejected.
/// </summary>
public sealed class CommandBus(
    IDocumentStore store, MessageStore messages, HandlerRegistry handlers, CommandBusOptions options, ILogger<CommandBus>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<CommandBus>.Instance;

    /// <param name="reply">How the caller answers an accepted command; recorded with an idempotency key.</param>
    public async Task<CommandResult> InvokeAsync<TCommand>(
        TCommand command, CommandContext context, Func<CommandResult, IdempotentReply>? reply = null, CancellationToken cancellationToken = default)
    {
        if (await KnownReplyAsync(context, cancellationToken) is { } known)
            return known;
        var handler = handlers.For<TCommand>();
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await messages.DataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var session = OpenSession(transaction, context);
            var outbox = messages.CreateOutbox(context.ToHeaders());
            var result = await handler.HandleAsync(command, new HandlerContext(session, outbox, context), cancellationToken);
            if (result is not CommandResult.Accepted)
                return result;

            try
            {
                await session.SaveChangesAsync(cancellationToken);
                await WriteParticipantsAsync(connection, transaction, Participants(outbox, context, result, reply), context.TenantId, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                if (!outbox.IsEmpty)
                    messages.NotifyCommitted();
                return result;
            }
            catch (Exception conflict) when (IsConcurrencyConflict(conflict) && attempt <= options.ConcurrencyRetries)
            {
                _logger.LogDebug("{Command} met a concurrency conflict; deciding again (attempt {Attempt})", typeof(TCommand).Name, attempt + 1);
            }
            catch (Exception conflict) when (IsConcurrencyConflict(conflict))
            {
                return CommandResult.Reject(CommandResult.ConcurrencyConflict,
                    $"The record changed while the command was decided, {attempt} times; retry with the current state.");
            }
            catch (PostgresException duplicate) when (duplicate is { SqlState: IdempotencyKeys.UniqueViolation, ConstraintName: IdempotencyKeys.KeyConstraint })
            {
                // A concurrent call with the same key committed first: answer as it did.
                if (await KnownReplyAsync(context, cancellationToken) is { } first)
                    return first;
                throw;
            }
            catch (PostgresException duplicate) when (duplicate is { SqlState: IdempotencyKeys.UniqueViolation, ConstraintName: InboxEntry.Constraint })
            {
                _logger.LogInformation("Message {Message} was already handled; its effect is not applied again", context.MessageId);
                return CommandResult.Accept();
            }
        }
    }

    private IDocumentSession OpenSession(NpgsqlTransaction transaction, CommandContext context)
    {
        var sessionOptions = SessionOptions.ForTransaction(transaction);
        sessionOptions.TenantId = context.TenantId;
        var session = store.LightweightSession(sessionOptions);
        context.Stamp(session);
        return session;
    }

    /// <summary>A stream appended at a version it is no longer at, or started where another command started it first.</summary>
    private static bool IsConcurrencyConflict(Exception failure) =>
        failure is ConcurrencyException or ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;

    private static async Task WriteParticipantsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IEnumerable<IUnitOfWorkParticipant> participants, string tenantId,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var participant in participants)
            foreach (var command in participant.Commands(tenantId))
                batch.BatchCommands.Add(command);
        if (batch.BatchCommands.Count > 0)
            await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    private IEnumerable<IUnitOfWorkParticipant> Participants(
        Outbox.OutboxMessages outbox, CommandContext context, CommandResult result, Func<CommandResult, IdempotentReply>? reply)
    {
        yield return outbox;
        if (context.Idempotency is { } key && reply is not null)
            yield return messages.Idempotency.Record(key, reply(result));
        if (context.MessageId is { } messageId)
            yield return new InboxEntry(messages.Schema, messageId, context.ClaimToken);
    }

    /// <summary>The first reply to this key, or a rejection if the key came with another request; null for a new key.</summary>
    private async Task<CommandResult?> KnownReplyAsync(CommandContext context, CancellationToken cancellationToken)
    {
        if (context.Idempotency is not { } key)
            return null;
        var known = await messages.Idempotency.FindAsync(context.TenantId, key.Key, cancellationToken);
        if (known is null)
            return null;
        return known.Value.RequestHash == key.RequestHash
            ? new CommandResult.Replayed(known.Value.Reply)
            : CommandResult.Reject(CommandResult.IdempotencyKeyReused,
                "This Idempotency-Key was used with a different request; use a new key for a new request.");
    }
}
