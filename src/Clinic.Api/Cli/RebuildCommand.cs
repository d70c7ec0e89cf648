using Clinic.Api.Hosting;
using Clinic.EventStore.Daemon;

namespace Clinic.Api.Cli;

/// <summary><c>rebuild &lt;projection&gt;|--all</c>: rebuilds projections from the events, printing progress. Safe while the API runs.</summary>
internal static class RebuildCommand
{
    public static readonly string[] Options = ["all"];

    public static async Task<int> RunAsync(CommandLine command, WebApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = await ClinicServices.OpenAsync(builder, cancellationToken);
        var known = services.Store.Options.Projections.Names;
        var names = command.Options.ContainsKey("all") ? known : command.Positional;
        if (names.Count == 0)
            throw new CommandLineException($"Name a projection to rebuild, or --all. Projections: {string.Join(", ", known)}.");
        var unknown = names.Except(known).ToList();
        if (unknown.Count > 0)
            throw new CommandLineException($"Unknown projection {string.Join(", ", unknown)}. Projections: {string.Join(", ", known)}.");

        var rebuilder = services.Store.Rebuilder();
        foreach (var name in names)
        {
            await rebuilder.RebuildAsync(name, new ConsoleProgress(output), cancellationToken);
            output.WriteLine($"{name}: rebuilt.");
        }
        return 0;
    }

    private sealed class ConsoleProgress(TextWriter output) : IProgress<RebuildProgress>
    {
        public void Report(RebuildProgress value)
        {
            var percent = value.Total == 0 ? 100 : 100 * value.Done / value.Total;
            output.WriteLine($"{value.Projection}: {value.Done}/{value.Total} {value.Unit} ({percent}%)");
        }
    }
}
