using Clinic.Api.Cli;
using Clinic.Api.Database;
using Clinic.Api.Demo.Group;
using JasperFx.CommandLine;
using Marten;
using Wolverine;

namespace Clinic.Api.Demo;

public class SeedDemoInput : ClinicInput
{
    [Description("The clinic to fill (default demo-clinic); it must have no data yet")]
    public string ClinicFlag { get; set; } = SeedDemoCommand.DefaultClinic;

    [Description("Group mode: fill clinic-01..clinic-NN, each with generated years of history (0: the scripted demo of one clinic)")]
    public int ClinicsFlag { get; set; }

    [Description("Group mode: patients per clinic (default 2500)")]
    public int PatientsPerClinicFlag { get; set; } = 2500;

    [Description("Group mode: years of history up to now (default 5)")]
    public int YearsFlag { get; set; } = 5;

    [Description("Group mode: the random seed; the same seed gives the same histories (default 1)")]
    public int RandomSeedFlag { get; set; } = 1;

    [Description("Group mode: clinics written at once (default 2)")]
    public int WritersFlag { get; set; } = 2;

    [Description("Group mode: patients a transaction (default 100)")]
    public int BatchFlag { get; set; } = 100;
}

/// <summary>
/// <c>seed-demo [--clinic C]</c>: fills an empty clinic with a realistic demo through the same Wolverine handlers
/// as HTTP (no event is written directly), then prints what it created. Refuses a clinic that already has data.
/// <c>seed-demo --clinics N --patients-per-clinic M</c>: fills a group of empty clinics with generated years of
/// history through the same deciders and Marten's append path (<see cref="GroupSeeder"/>), printing its progress.
/// </summary>
[Description("Fill an empty clinic (or a group of them) with demo practitioners and patients", Name = "seed-demo")]
public class SeedDemoCommand : JasperFxAsyncCommand<SeedDemoInput>
{
    public const string DefaultClinic = "demo-clinic";

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(3);

    public override Task<bool> Execute(SeedDemoInput input) =>
        input.OnStartedApplicationAsync(app => input.ClinicsFlag != 0 ? SeedGroupAsync(app, input) : SeedAsync(app, input.ClinicFlag));

    private static async Task<bool> SeedAsync(WebApplication app, string clinicId)
    {
        try
        {
            if ((await GroupSeeder.ClinicsWithDataAsync(app.Services.GetRequiredService<IDocumentStore>(), [clinicId])).Count > 0)
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

    private static async Task<bool> SeedGroupAsync(WebApplication app, SeedDemoInput input)
    {
        if (GroupFlagsProblem(input) is { } problem)
            return Fail(problem);
        var plan = new GroupPlan(input.ClinicsFlag, input.PatientsPerClinicFlag, app.Services.GetRequiredService<TimeProvider>().GetUtcNow(),
            input.YearsFlag, input.RandomSeedFlag, input.BatchFlag, input.WritersFlag);
        var withData = await GroupSeeder.ClinicsWithDataAsync(app.Services.GetRequiredService<IDocumentStore>(), plan.ClinicIds);
        if (withData.Count > 0)
            return Fail($"Clinics {string.Join(", ", withData)} already have data; seed-demo only fills empty clinics. Nothing was written.");
        Console.WriteLine($"Seeding {plan.Clinics} clinics x {plan.PatientsPerClinic} patients, {plan.Years} years, random seed {plan.RandomSeed}, "
                          + $"{plan.Writers} writers, {plan.PatientsPerTransaction} patients a transaction.");
        try
        {
            var done = await new GroupSeeder(app.Services).SeedAsync(plan, new ConsoleProgress(), ProgressEvery, CancellationToken.None);
            Console.WriteLine($"Seeded {plan.ClinicIds[0]}..{plan.ClinicIds[^1]}: {done}");
            return true;
        }
        catch (DemoRefusedException refused)
        {
            return Fail($"{refused.Message}\nThe clinics are partly seeded; seed another database or schema.");
        }
    }

    /// <summary>What is wrong with the group mode's flags, if anything.</summary>
    private static string? GroupFlagsProblem(SeedDemoInput input) =>
        input.ClinicFlag != DefaultClinic ? "--clinic names one clinic and --clinics a group of them: give one or the other."
        : new[] { ("--clinics", input.ClinicsFlag), ("--patients-per-clinic", input.PatientsPerClinicFlag), ("--years", input.YearsFlag), ("--writers", input.WritersFlag), ("--batch", input.BatchFlag) }
            .Where(flag => flag.Item2 < 1).Select(flag => $"{flag.Item1} must be at least 1, not {flag.Item2}.").FirstOrDefault();

    private static bool Fail(string message)
    {
        Console.Error.WriteLine(message);
        return false;
    }

    /// <summary>Writes each report as it comes (the seeder reports at most every few seconds), not on a thread pool callback as <see cref="Progress{T}"/>.</summary>
    private sealed class ConsoleProgress : IProgress<GroupSeedProgress>
    {
        public void Report(GroupSeedProgress value) => Console.WriteLine($"  {value}");
    }
}
