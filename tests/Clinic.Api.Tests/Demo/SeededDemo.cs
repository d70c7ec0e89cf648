using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Demo;

/// <summary>One host with the demo seeded once, into a clinic of its own, for all the demo tests.</summary>
public sealed class SeededDemo : IAsyncLifetime
{
    public ApiHost Host { get; } = new();
    public string Clinic { get; } = TestClinic.Unique("demo");
    public CliRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        Run = await CliRun.RunAsync(Host, "seed-demo", "--clinic", Clinic);
        await Host.WaitForProjectionsAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
