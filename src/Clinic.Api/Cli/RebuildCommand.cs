using Clinic.Api.Hosting;
using JasperFx.Events.Projections;
using Marten;

namespace Clinic.Api.Cli;

/// <summary>
/// <c>rebuild &lt;projection&gt;|--all</c>: rebuilds projections from the events with Marten's projection daemon. An async
/// projection is rebuilt while the API runs (its node's daemon pauses it meanwhile); an inline one is rebuilt from all
/// the streams it reads.
/// </summary>
internal static class RebuildCommand
{
    public static readonly string[] Options = ["all"];

    private static readonly TimeSpan ShardTimeout = TimeSpan.FromMinutes(10);

    public static async Task<int> RunAsync(CommandLine command, WebApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = await ClinicServices.OpenAsync(builder, cancellationToken);
        await using var store = await services.OpenStoreAsync(cancellationToken);
        await using var session = store.QuerySession();
        var known = store.Options.Projections.All.Select(p => p.Name).ToList();
        var names = command.Options.ContainsKey("all") ? known : command.Positional;
        if (names.Count == 0)
            throw new CommandLineException($"Name a projection to rebuild, or --all. Projections: {string.Join(", ", known)}.");
        var unknown = names.Except(known).ToList();
        if (unknown.Count > 0)
            throw new CommandLineException($"Unknown projection {string.Join(", ", unknown)}. Projections: {string.Join(", ", known)}.");

        using var daemon = await store.BuildProjectionDaemonAsync();
        var events = await session.Events.QueryAllRawEvents().Where(e => e.AnyTenant()).CountAsync(cancellationToken);
        foreach (var name in names)
        {
            output.WriteLine($"{name}: rebuilding from {events} events");
            await daemon.RebuildProjectionAsync(name, ShardTimeout, cancellationToken);
            output.WriteLine($"{name}: {events}/{events} events (100%)");
            output.WriteLine($"{name}: rebuilt.");
        }
        return 0;
    }
}
