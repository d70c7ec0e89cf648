using Clinic.Api.Hosting;
using JasperFx.Events.Projections;
using Marten;

namespace Clinic.Api.Cli;

/// <summary><c>projections</c>: lists the projections, how each runs, and how many events the async ones have yet to apply.</summary>
internal static class ProjectionsCommand
{
    public static async Task<int> RunAsync(WebApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = await ClinicServices.OpenAsync(builder, cancellationToken);
        await using var store = await services.OpenStoreAsync(cancellationToken);
        await using var session = store.QuerySession();
        var progress = await store.Advanced.AllProjectionProgress(token: cancellationToken);
        foreach (var projection in store.Options.Projections.All)
        {
            if (projection.Lifecycle != ProjectionLifecycle.Async)
            {
                output.WriteLine($"{projection.Name}: {projection.Lifecycle.ToString().ToLowerInvariant()}");
                continue;
            }
            var at = progress.FirstOrDefault(shard => shard.ShardName.StartsWith(projection.Name + ":", StringComparison.Ordinal))?.Sequence ?? 0;
            var behind = await session.Events.QueryAllRawEvents().Where(e => e.AnyTenant() && e.Sequence > at).CountAsync(cancellationToken);
            output.WriteLine($"{projection.Name}: async, at sequence {at}, {behind} events behind");
        }
        return 0;
    }
}
