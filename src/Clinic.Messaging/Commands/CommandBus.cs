using Clinic.EventStore;
using Clinic.EventStore.Sessions;
using Clinic.EventStore.Streams;
using Clinic.Messaging.Delivery;
using Clinic.Messaging.Idempotency;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Clinic.Messaging.Commands;

/// <summary>
/// The one pipeline every command goes through: (replay a known idempotency key) → let the handler load and
/// decide in a fresh unit of work → commit its events, documents, outgoing messages, the idempotent reply and
/// the inbox entry of the message that caused it, in one transaction. A rejected command writes nothing. A
/// concurrency conflict is decided again on fresh state a bounded number of times before it is rejected.
/// </summary>
public sealed class CommandBus(
    DocumentStore store, MessageStore messages, HandlerRegistry handlers, CommandBusOptions options, ILogger<CommandBus>? logger = null)
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
            var session = store.OpenSession(context.TenantId, context.ToMetadata());
            var outbox = messages.CreateOutbox(context.ToHeaders());
            var result = await handler.HandleAsync(command, new HandlerContext(session, outbox, context), cancellationToken);
            if (result is not CommandResult.Accepted)
                return result;

            Enlist(session, outbox, context, result, reply);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                if (!outbox.IsEmpty)
                    messages.NotifyCommitted();
                return result;
            }
            catch (ConcurrencyException conflict) when (attempt <= options.ConcurrencyRetries)
            {
                _logger.LogDebug("{Command} met a concurrency conflict on stream {Stream}; deciding again (attempt {Attempt})",
                    typeof(TCommand).Name, conflict.StreamId, attempt + 1);
            }
            catch (ConcurrencyException conflict)
            {
                return CommandResult.Reject(CommandResult.ConcurrencyConflict,
                    $"The record changed while the command was decided, {attempt} times; retry with the current state. ({conflict.StreamId})");
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

    private void Enlist(DocumentSession session, Outbox.OutboxMessages outbox, CommandContext context, CommandResult result,
        Func<CommandResult, IdempotentReply>? reply)
    {
        session.Enlist(outbox);
        if (context.Idempotency is { } key && reply is not null)
            session.Enlist(messages.Idempotency.Record(key, reply(result)));
        if (context.MessageId is { } messageId)
            session.Enlist(new InboxEntry(messages.Schema, messageId, context.ClaimToken));
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
