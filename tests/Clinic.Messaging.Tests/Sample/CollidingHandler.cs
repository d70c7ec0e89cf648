using Clinic.Messaging.Commands;
using Marten;

namespace Clinic.Messaging.Tests.Sample;

public sealed record Collide(Guid CounterId);

/// <summary>Another writer always moves the counter between this handler's read and its commit: every attempt conflicts.</summary>
public sealed class CollidingHandler(IDocumentStore store) : ICommandHandler<Collide>
{
    private int _attempts;

    public int Attempts => _attempts;

    public async Task<CommandResult> HandleAsync(Collide command, HandlerContext context, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        var version = (await context.Session.Events.FetchStreamStateAsync(command.CounterId, cancellationToken))!.Version;
        await using var otherWriter = store.LightweightSession(context.Command.TenantId);
        otherWriter.Events.Append(command.CounterId, version + 1, new Incremented(1));
        await otherWriter.SaveChangesAsync(cancellationToken);
        context.Session.Events.Append(command.CounterId, version + 1, new Incremented(1));
        return CommandResult.Accept();
    }
}
