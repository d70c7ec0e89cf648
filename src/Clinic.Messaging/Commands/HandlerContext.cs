using Marten;
using Clinic.Messaging.Outbox;

namespace Clinic.Messaging.Commands;

/// <summary>
/// What a handler works with: the unit of work its appends and documents go into, the messages it sends
/// with them (the bus commits all of it; the handler never does), and who the command is from.
/// </summary>
public sealed class HandlerContext(IDocumentSession session, OutboxMessages outbox, CommandContext command)
{
    public IDocumentSession Session { get; } = session;
    public OutboxMessages Outbox { get; } = outbox;
    public CommandContext Command { get; } = command;
}
