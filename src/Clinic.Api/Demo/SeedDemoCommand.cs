using Clinic.Api.Cli;
using Clinic.Api.Hosting;
using Clinic.Messaging.Commands;
using Marten;

namespace Clinic.Api.Demo;

/// <summary>
/// <c>seed-demo [--clinic C]</c>: fills an empty clinic with a realistic demo through the same command bus and handlers
/// as HTTP (no event is written directly), then prints what it created. Refuses a clinic that already has data.
/// </summary>
internal static class SeedDemoCommand
{
    public const string DefaultClinic = "demo-clinic";

    public static async Task<int> RunAsync(CommandLine command, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var clinicId = command.Options.GetValueOrDefault("clinic", DefaultClinic);
        // The web application is built (not started) so that the bus is composed exactly as the server composes it.
        await using var app = await ClinicApp.CreateAsync(command.HostArguments);
        var services = app.Services.GetRequiredService<ClinicServices>();
        try
        {
            if (await HasDataAsync(app.Services.GetRequiredService<IDocumentStore>(), clinicId, cancellationToken))
                return Fail(errors, $"Clinic '{clinicId}' already has data; seed-demo only fills an empty clinic. Name another with --clinic.");
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var tally = new DemoTally(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var commands = new DemoCommands(app.Services.GetRequiredService<CommandBus>(), clinicId, tally);
            await new DemoSeeder(commands, clock.GetUtcNow()).SeedAsync(cancellationToken);
            output.Write(tally.Summary(clinicId));
            return 0;
        }
        catch (DemoRefusedException refused)
        {
            return Fail(errors, $"{refused.Message}\nThe clinic is partly seeded; seed another clinic with --clinic.");
        }
        finally
        {
            // The app never started, so its lifetime service will not close the store and database: close them here.
            await services.DisposeAsync();
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
