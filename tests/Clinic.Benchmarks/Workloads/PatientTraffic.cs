using Clinic.Api.Demo.Group;
using Clinic.Api.History;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Marten;

namespace Clinic.Benchmarks.Workloads;

/// <summary>Patients' commands as <see cref="SealedAppendWorkload"/> writes them: each one's events into a session of its own, block by block.</summary>
public interface IPatientTraffic
{
    string Name { get; }

    /// <summary>
    /// Blocks to warm both stores up with, then the measured blocks. The warm-up is several blocks so that less of the
    /// JIT's compiling, which a long-running server no longer does, falls in the measured blocks (the row prints what
    /// still does: a few µs an event, more in the sealed store's, whose code is more).
    /// </summary>
    (IReadOnlyList<PatientTrafficBlock> WarmUp, IReadOnlyList<PatientTrafficBlock> Measured) Blocks(BenchScale scale);
}

/// <summary>Transactions written one after the other, each putting one command's events in its session, and how many events they hold.</summary>
public sealed record PatientTrafficBlock(IReadOnlyList<Action<IDocumentSession>> Transactions, int Events);

/// <summary>
/// The worst case for sealing: patients registered (five personal values) and screened twice (with notes), the three
/// events in one transaction: 7 sealed values in 3 events.
/// </summary>
public sealed class RegisteredAndScreenedTraffic : IPatientTraffic
{
    private const int PatientsPerBlock = 100;
    private const int EventsPerPatient = 3;

    public string Name => "patients, 1 stream/tx";

    public (IReadOnlyList<PatientTrafficBlock> WarmUp, IReadOnlyList<PatientTrafficBlock> Measured) Blocks(BenchScale scale) =>
        (Blocks(Math.Max(1, scale.AppendStreams / 1_000)), Blocks(scale.AppendStreams / PatientsPerBlock));

    private static List<PatientTrafficBlock> Blocks(int count) => [.. Enumerable.Range(0, count).Select(_ => Block())];

    private static PatientTrafficBlock Block() =>
        new([.. Enumerable.Range(0, PatientsPerBlock).Select(_ => (Action<IDocumentSession>)Register)], PatientsPerBlock * EventsPerPatient);

    private static void Register(IDocumentSession session)
    {
        var patientId = Guid.CreateVersion7();
        session.Events.StartStream(patientId, [.. Events(patientId)]);
    }

    private static IEnumerable<IDomainEvent> Events(Guid patientId)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        yield return new PatientRegistered(patientId, BenchContext.Tenant,
            new PatientDetails("Maria", "Lopez", new DateOnly(1990, 4, 2), Sex.Female, "+33 6 00 00 00 00", "maria@example.test"), DateTimeOffset.UtcNow);
        foreach (var notes in new[] { "Mild rosacea on both cheeks", "Reports a bruise from the last session" })
            yield return new PatientScreened(patientId, Guid.CreateVersion7(), today,
                new ScreeningAnswers(false, false, false, false, false, false, false, false, null, [], notes, today, today.AddDays(-1)),
                new ScreeningAssessment(ScreeningOutcome.Eligible, [], null, today.AddDays(180)));
    }
}

/// <summary>
/// A clinic's traffic on its patients' streams: the histories the demo group generator tells (<c>seed-demo --clinics</c>,
/// random seed 1, five years: registrations, screenings, consents, allergy tests, plans, bookings, sessions, side effects,
/// corrections, timers fired), each command's events in a transaction of its own as the handlers record them, a block's
/// patients' commands in time order. The streams the patients share (calendars, access logs) are left out.
/// </summary>
public sealed class ClinicHistoriesTraffic : IPatientTraffic
{
    private const int PatientsPerBlock = 20;
    private const int RandomSeed = 1;
    private const int ClinicNumber = 1;
    private const int Years = 5;

    public string Name => "a clinic's patients' histories, 1 command/tx";

    public (IReadOnlyList<PatientTrafficBlock> WarmUp, IReadOnlyList<PatientTrafficBlock> Measured) Blocks(BenchScale scale)
    {
        var clinic = new GroupClinic(BenchContext.Tenant, DateTimeOffset.UtcNow, Years, GroupSeeder.ClinicRandom(RandomSeed, ClinicNumber));
        var warmUpBlocks = Math.Max(1, scale.AppendStreams / 2_000);
        var blocks = Enumerable.Range(1, scale.AppendStreams / 10 + warmUpBlocks * PatientsPerBlock).Chunk(PatientsPerBlock)
            .Select(numbers => Block(clinic, numbers)).ToList();
        return (blocks[..warmUpBlocks], blocks[warmUpBlocks..]);
    }

    private static PatientTrafficBlock Block(GroupClinic clinic, IEnumerable<int> numbers)
    {
        var stories = numbers.Select(number => GroupPatientStory.Tell(clinic, number, GroupSeeder.PatientRandom(RandomSeed, ClinicNumber, number))).ToList();
        var commands = stories.SelectMany(story => story.Events.GroupBy(e => e.Command)
                .Select((events, index) => (story.PatientId, Starts: index == 0, Events: events.ToList())))
            .OrderBy(command => command.Events[0].Timestamp);
        return new([.. commands.Select(command => Transaction(command.PatientId, command.Starts, command.Events))], stories.Sum(story => story.Events.Count));
    }

    private static Action<IDocumentSession> Transaction(Guid patientId, bool startsStream, IReadOnlyList<SeedEvent> events) => session =>
    {
        var graph = ((DocumentStore)session.DocumentStore).Events;
        var stamped = events.Select(e => GroupSeeder.Stamped(graph, e)).ToArray();
        if (startsStream)
            session.Events.StartStream<PatientHistory>(patientId, stamped);
        else
            session.Events.Append(patientId, stamped);
    };
}
