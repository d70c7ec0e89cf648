using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Demo;

/// <summary>One host with a small clinic group seeded once by <c>seed-demo --clinics 2 --patients-per-clinic 15</c>, for all the group tests.</summary>
public sealed class SeededGroup : IAsyncLifetime
{
    public const int Clinics = 2;
    public const int PatientsPerClinic = 15;

    public ApiHost Host { get; } = new();
    public CliRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        Run = await CliRun.RunAsync(Host, "seed-demo", "--clinics", $"{Clinics}", "--patients-per-clinic", $"{PatientsPerClinic}", "--random-seed", "3", "--batch", "4");
        await Host.WaitForProjectionsAsync();
    }

    public Task DisposeAsync() => Host.DisposeAsync();
}
