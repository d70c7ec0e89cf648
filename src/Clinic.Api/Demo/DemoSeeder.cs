using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Practitioners;

namespace Clinic.Api.Demo;

/// <summary>Builds the demo clinic: its policy, its practitioners, then every demo patient's story.</summary>
internal sealed class DemoSeeder(DemoCommands commands, DateTimeOffset now)
{
    private const string SetupCorrelation = "seed-demo-setup";

    public async Task SeedAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        await commands.ClinicAsync(new SetClinicPolicy(commands.ClinicId, ClinicPolicy.Default), DemoActor.Admin, SetupCorrelation, ct);
        var practitioners = new List<DemoPractitioner>();
        foreach (var (details, actor) in DemoStaff.Practitioners(today))
            practitioners.Add(await RegisterAsync(details, actor, ct));

        var clinic = new DemoClinic(now, practitioners);
        for (var number = 1; number <= DemoPatients.All.Count; number++)
            await new DemoJourney(new DemoPatientRecord(commands, number), clinic, DemoPatients.All[number - 1]).RunAsync(ct);
    }

    private async Task<DemoPractitioner> RegisterAsync(PractitionerDetails details, DemoActor actor, CancellationToken ct)
    {
        var id = Guid.CreateVersion7();
        await commands.PractitionerAsync(new RegisterPractitioner(id, commands.ClinicId, details), DemoActor.Admin, SetupCorrelation, ct);
        return new DemoPractitioner(id, details, actor);
    }
}
