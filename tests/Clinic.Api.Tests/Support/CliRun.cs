using System.Diagnostics;
using Clinic.Api.Hosting;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// What the API's command line printed and returned, run as it is run (<c>dotnet Clinic.Api.dll verb ...</c>), in a
/// process of its own: JasperFx writes to the console.
/// </summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    /// <summary>A verb on the same database and schema as <paramref name="host"/>.</summary>
    public static Task<CliRun> RunAsync(ApiHost host, params string[] verb) => RunAsync([.. verb, .. host.CliArguments()]);

    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var api = typeof(ClinicApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(api)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[api, .. args])
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new CliRun(process.ExitCode, await output, await errors);
    }

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
