using Clinic.EventStore.Sessions;

namespace Clinic.Messaging.Commands;

/// <summary>
/// What a handler works with: the unit of work its appends and documents go into (the bus commits it,
/// the handler never does) and who the command is from.
/// </summary>
public sealed class HandlerContext(DocumentSession session, CommandContext command)
{
    public DocumentSession Session { get; } = session;
    public CommandContext Command { get; } = command;
}
