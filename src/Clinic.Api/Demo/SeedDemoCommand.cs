using Clinic.Api.Cli;
using Clinic.Api.Database;
using JasperFx.CommandLine;
using Marten;
using Wolverine;

namespace Clinic.Api.Demo;

public class SeedDemoInput : ClinicInput
{
    [Description("The clinic to fill (default demo-clinic); it must have no data yet")]
    public string ClinicFlag { get; set; } = SeedDemoCommand.DefaultClinic;
}

/// <summary>
/// <c>seed-demo [--clinic C]</c>: fills an empty clinic with a realistic demo through the same Wolverine handlers
/// as HTTP (no event is written directly), then prints what it created. Refuses a clinic that already has data.
/// </summary>
[Description("Fill an empty clinic with demo practitioners and patients", Name = "seed-demo")]
public class SeedDemoCommand : JasperFxAsyncCommand<SeedDemoInput>
{
    public const string DefaultClinic = "demo-clinic";

    public override Task<bool> Execute(SeedDemoInput input) => input.OnStartedApplicationAsync(app => SeedAsync(app, input.ClinicFlag));

    private static async Task<bool> SeedAsync(WebApplication app, string clinicId)
    {
        try
        {
            if (await HasDataAsync(app.Services.GetRequiredService<IDocumentStore>(), clinicId))
                return Fail($"Clinic '{clinicId}' already has data; seed-demo only fills an empty clinic. Name another with --clinic.");
            await app.Services.GetRequiredService<ClinicPartitions>().EnsureAsync(clinicId, CancellationToken.None);
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var tally = new DemoTally(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            await using var scope = app.Services.CreateAsyncScope();
            var commands = new DemoCommands(scope.ServiceProvider.GetRequiredService<IMessageBus>(), clinicId, tally);
            await new DemoSeeder(commands, clock.GetUtcNow()).SeedAsync(CancellationToken.None);
            Console.Write(tally.Summary(clinicId));
            return true;
        }
        catch (DemoRefusedException refused)
        {
            return Fail($"{refused.Message}\nThe clinic is partly seeded; seed another clinic with --clinic.");
        }
    }

    /// <summary>Whether any event (patient, practitioner, clinic, access log) belongs to the clinic.</summary>
    private static async Task<bool> HasDataAsync(IDocumentStore store, string clinicId)
    {
        await using var session = store.QuerySession(clinicId);
        return await session.Events.QueryAllRawEvents().AnyAsync();
    }

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }
}
