using Clinic.EventStore;
using Clinic.EventStore.Streams;
using Clinic.Messaging.Commands;

namespace Clinic.Messaging.Tests.Sample;

public sealed record Collide(Guid CounterId);

/// <summary>Another writer always moves the counter between this handler's read and its commit: every attempt conflicts.</summary>
public sealed class CollidingHandler(DocumentStore store) : ICommandHandler<Collide>
{
    private int _attempts;

    public int Attempts => _attempts;

    public async Task<CommandResult> HandleAsync(Collide command, HandlerContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var version = (await context.Session.Events.FetchStreamStateAsync(command.CounterId, cancellationToken))!.Version;
        var otherWriter = store.OpenSession(context.Command.TenantId);
        otherWriter.Events.Append(command.CounterId, ExpectedVersion.Exactly(version), new Incremented(1));
        await otherWriter.SaveChangesAsync(cancellationToken);
        context.Session.Events.Append(command.CounterId, ExpectedVersion.Exactly(version), new Incremented(1));
        return CommandResult.Accept();
    }
}
