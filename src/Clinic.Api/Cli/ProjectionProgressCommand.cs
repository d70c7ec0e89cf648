using JasperFx.CommandLine;
using JasperFx.Events.Projections;
using Marten;

namespace Clinic.Api.Cli;

/// <summary>
/// <c>projection-progress</c>: how each projection runs, and how many events the async ones have yet to apply (Marten's
/// <c>projections list</c> shows how they run, not how far they are).
/// </summary>
[Description("List the projections, how each runs, and how many events the async ones are behind", Name = "projection-progress")]
public class ProjectionProgressCommand : JasperFxAsyncCommand<ClinicInput>
{
    public override async Task<bool> Execute(ClinicInput input)
    {
        using var host = input.BuildHost();
        var store = (DocumentStore)host.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.QuerySession();
        var progress = await store.Advanced.AllProjectionProgress();
        foreach (var projection in store.Options.Projections.All)
        {
            if (projection.Lifecycle != ProjectionLifecycle.Async)
            {
                Console.WriteLine($"{projection.Name}: {projection.Lifecycle.ToString().ToLowerInvariant()}");
                continue;
            }
            var at = progress.FirstOrDefault(shard => shard.ShardName.StartsWith(projection.Name + ":", StringComparison.Ordinal))?.Sequence ?? 0;
            var behind = await session.Events.QueryAllRawEvents().Where(e => e.AnyTenant() && e.Sequence > at).CountAsync();
            Console.WriteLine($"{projection.Name}: async, at sequence {at}, {behind} events behind");
        }
        return true;
    }
}
