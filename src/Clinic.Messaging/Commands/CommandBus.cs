using Clinic.EventStore;
using Clinic.EventStore.Streams;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clinic.Messaging.Commands;

/// <summary>
/// The one pipeline every command goes through: open a unit of work for the command's tenant and actor,
/// let the handler load and decide, then commit events, documents and everything enlisted in one
/// transaction. A rejected command writes nothing. A concurrency conflict is decided again on fresh state
/// a bounded number of times before it becomes a <see cref="CommandResult.ConcurrencyConflict"/> rejection.
/// </summary>
public sealed class CommandBus(DocumentStore store, HandlerRegistry handlers, CommandBusOptions options, ILogger<CommandBus>? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger<CommandBus>.Instance;

    public async Task<CommandResult> InvokeAsync<TCommand>(TCommand command, CommandContext context, CancellationToken cancellationToken = default)
    {
        var handler = handlers.For<TCommand>();
        for (var attempt = 1; ; attempt++)
        {
            var session = store.OpenSession(context.TenantId, context.ToMetadata());
            var result = await handler.HandleAsync(command, new HandlerContext(session, context), cancellationToken);
            if (result is CommandResult.Rejected)
                return result;
            try
            {
                await session.SaveChangesAsync(cancellationToken);
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
        }
    }
}
