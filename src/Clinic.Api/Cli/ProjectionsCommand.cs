using Clinic.Api.Hosting;

namespace Clinic.Api.Cli;

/// <summary>
/// <c>projections</c>: lists the projections, how each runs, how far the async ones are behind, and which
/// open transaction holds committed events back from them, if one does.
/// </summary>
internal static class ProjectionsCommand
{
    public static async Task<int> RunAsync(WebApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = await ClinicServices.OpenAsync(builder, cancellationToken);
        var store = services.Store;
        foreach (var projection in store.Options.Projections.Inline)
            output.WriteLine($"{projection.Name}: inline");
        var checkpoints = await store.ReadCheckpointsAsync(cancellationToken);
        foreach (var projection in store.Options.Projections.Async)
        {
            var checkpoint = checkpoints.FirstOrDefault(c => c.Name == projection.Name);
            var position = checkpoint?.Position ?? EventStore.Events.EventPosition.Start;
            var behind = await store.Feed.CountAfterAsync(position, cancellationToken);
            output.WriteLine($"{projection.Name}: async, at {position}, {behind} events behind{(checkpoint?.RebuildRequestedAt is null ? "" : ", rebuilding")}");
        }
        var holdBack = await store.Feed.HoldBackAsync(cancellationToken);
        if (holdBack.IsHoldingBack)
            output.WriteLine($"held back: {holdBack}; async projections apply them once it ends (docs/operations.md, \"Projections in production\")");
        return 0;
    }
}
