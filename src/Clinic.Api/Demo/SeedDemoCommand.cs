using Clinic.Api.Cli;
using Clinic.Api.Hosting;
using Clinic.Api.Commands;
using Marten;
using Wolverine;

namespace Clinic.Api.Demo;

/// <summary>
/// <c>seed-demo [--clinic C]</c>: fills an empty clinic with a realistic demo through the same Wolverine handlers
/// as HTTP (no event is written directly), then prints what it created. Refuses a clinic that already has data.
/// </summary>
internal static class SeedDemoCommand
{
    public const string DefaultClinic = "demo-clinic";

    public static async Task<int> RunAsync(CommandLine command, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var clinicId = command.Options.GetValueOrDefault("clinic", DefaultClinic);
        await using var app = await ClinicApp.StartForVerbAsync(command.HostArguments);
        try
        {
            if (await HasDataAsync(app.Services.GetRequiredService<IDocumentStore>(), clinicId, cancellationToken))
                return Fail(errors, $"Clinic '{clinicId}' already has data; seed-demo only fills an empty clinic. Name another with --clinic.");
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var tally = new DemoTally(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var commands = new DemoCommands(app.Services.GetRequiredService<IMessageBus>(), clinicId, tally);
            await new DemoSeeder(commands, clock.GetUtcNow()).SeedAsync(cancellationToken);
            output.Write(tally.Summary(clinicId));
            return 0;
        }
        catch (DemoRefusedException refused)
        {
            return Fail(errors, $"{refused.Message}\nThe clinic is partly seeded; seed another clinic with --clinic.");
        }
    }

    /// <summary>Whether any event (patient, practitioner, clinic, access log) belongs to the clinic.</summary>
    private static async Task<bool> HasDataAsync(IDocumentStore store, string clinicId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(clinicId);
        return await session.Events.QueryAllRawEvents().AnyAsync(cancellationToken);
    }

    private static int Fail(TextWriter errors, string message)
    {
        errors.WriteLine(message);
        return 1;
    }
}
