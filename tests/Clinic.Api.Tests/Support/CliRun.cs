using Clinic.Api.Cli;

namespace Clinic.Api.Tests.Support;

/// <summary>What a CLI verb printed and returned, run in-process on the same database and schema as an <see cref="ApiHost"/>.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public static async Task<CliRun> RunAsync(ApiHost host, params string[] verb)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await ClinicHost.RunAsync([.. verb, .. host.CliArguments()], output, errors);
        return new CliRun(exitCode, output.ToString(), errors.ToString());
    }

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
