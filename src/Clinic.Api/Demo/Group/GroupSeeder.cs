using System.Diagnostics;
using Clinic.Api.Commands;
using Clinic.Api.Database;
using Clinic.Api.History;
using JasperFx.Events;
using Marten;
using Marten.Events;
using Wolverine;
using Wolverine.Marten;

namespace Clinic.Api.Demo.Group;

/// <summary>
/// Writes a <see cref="GroupPlan"/>: each clinic's setup, then its patients' whole stories (<see cref="GroupPatientStory"/>),
/// <see cref="GroupPlan.PatientsPerTransaction"/> patients a session through Marten's normal append path (each patient's
/// stream started with all her events, so the inline projections, the personal keys listener and the chain's trigger
/// all run as for the handlers), with the timers still to fire enrolled in Wolverine's outbox in the same transaction;
/// then the streams the clinic's patients share (practitioners' calendars, access logs), each in time order. Of the
/// patients' stories only one batch's is held in memory; the shared streams are held until their clinic is written, so
/// memory grows with the patients of a clinic, not with the number of clinics.
/// </summary>
public sealed class GroupSeeder(IServiceProvider services)
{
    private const int SharedEventsPerTransaction = 2000;

    private readonly IDocumentStore _store = services.GetRequiredService<IDocumentStore>();
    private EventGraph Events => ((DocumentStore)_store).Events;

    /// <summary>Of <paramref name="clinicIds"/>, those with any event (patient, practitioner, clinic, access log).</summary>
    public static async Task<IReadOnlyList<string>> ClinicsWithDataAsync(IDocumentStore store, IEnumerable<string> clinicIds)
    {
        var withData = new List<string>();
        foreach (var clinicId in clinicIds)
        {
            await using var session = store.QuerySession(clinicId);
            if (await session.Events.QueryAllRawEvents().AnyAsync())
                withData.Add(clinicId);
        }
        return withData;
    }

    /// <summary>Seeds every clinic of the plan, reporting at most every <paramref name="reportEvery"/>; returns the final figures.</summary>
    public async Task<GroupSeedProgress> SeedAsync(GroupPlan plan, IProgress<GroupSeedProgress>? progress, TimeSpan reportEvery, CancellationToken ct)
    {
        var tracker = new SeedTracker(plan.Clinics * (long)plan.PatientsPerClinic, progress, reportEvery);
        await Parallel.ForEachAsync(Enumerable.Range(1, plan.Clinics), new ParallelOptions { MaxDegreeOfParallelism = plan.Writers, CancellationToken = ct },
            async (number, token) => await SeedClinicAsync(plan, number, tracker, token));
        return tracker.Report(final: true);
    }

    private async Task SeedClinicAsync(GroupPlan plan, int clinicNumber, SeedTracker tracker, CancellationToken ct)
    {
        var clinicId = GroupPlan.ClinicId(clinicNumber);
        var clinic = new GroupClinic(clinicId, plan.Now, plan.Years, ClinicRandom(plan.RandomSeed, clinicNumber));
        await services.GetRequiredService<ClinicPartitions>().EnsureAsync(clinicId, ct);
        await WriteSharedAsync(clinicId, clinic.Setup.GroupBy(e => e.StreamId, e => e.Event).Select(g => (g.Key, (IReadOnlyList<SeedEvent>)[.. g])), tracker, ct);

        for (var first = 1; first <= plan.PatientsPerClinic; first += plan.PatientsPerTransaction)
        {
            // An outbox sends what it holds once, when its session commits: each transaction needs an outbox of its own.
            await using var scope = services.CreateAsyncScope();
            var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
            await using var session = _store.LightweightSession(clinicId);
            outbox.Enroll(session);
            var written = 0;
            var last = Math.Min(first + plan.PatientsPerTransaction - 1, plan.PatientsPerClinic);
            for (var number = first; number <= last; number++)
                written += await AddPatientAsync(session, outbox, clinic, number, PatientRandom(plan.RandomSeed, clinicNumber, number));
            await session.SaveChangesAsync(ct);
            tracker.Add(written, last - first + 1);
        }
        await WriteSharedAsync(clinicId, clinic.TakeSharedStreams(), tracker, ct);
    }

    /// <summary>Tells the patient's story and starts her stream with it; enrolls the timers it leaves running. Returns the events written.</summary>
    private async Task<int> AddPatientAsync(IDocumentSession session, IMartenOutbox outbox, GroupClinic clinic, int number, Random random)
    {
        var record = GroupPatientStory.Tell(clinic, number, random);
        session.Events.StartStream<PatientHistory>(record.PatientId, [.. record.Events.Select(e => Stamped(Events, e))]);
        foreach (var (timer, at) in record.FutureTimers)
            await outbox.ScheduleAsync(timer, at, new DeliveryOptions { TenantId = clinic.ClinicId });
        return record.Events.Count;
    }

    /// <summary>Appends streams other than patients' (created or not), a few thousand events a transaction.</summary>
    private async Task WriteSharedAsync(string clinicId, IEnumerable<(Guid StreamId, IReadOnlyList<SeedEvent> Events)> streams, SeedTracker tracker, CancellationToken ct)
    {
        var session = _store.LightweightSession(clinicId);
        var pending = 0;
        try
        {
            foreach (var (streamId, events) in streams)
            {
                session.Events.Append(streamId, [.. events.Select(e => Stamped(Events, e))]);
                pending += events.Count;
                if (pending < SharedEventsPerTransaction)
                    continue;
                await session.SaveChangesAsync(ct);
                tracker.Add(pending, 0);
                await session.DisposeAsync();
                session = _store.LightweightSession(clinicId);
                pending = 0;
            }
            await session.SaveChangesAsync(ct);
            tracker.Add(pending, 0);
        }
        finally
        {
            await session.DisposeAsync();
        }
    }

    /// <summary>The event with the metadata the handlers give it: its time, who acted in which role, the request and envelope, the reason of a correction.</summary>
    internal static IEvent Stamped(EventGraph events, SeedEvent seeded)
    {
        var stamped = events.BuildEvent(seeded.Data);
        stamped.Id = seeded.Id;
        stamped.Timestamp = seeded.Timestamp;
        stamped.CorrelationId = seeded.Command.CorrelationId;
        stamped.CausationId = seeded.Command.CausationId.ToString();
        stamped.SetHeader(EventHeaders.ActorId, seeded.Command.ActorId);
        stamped.SetHeader(EventHeaders.ActorRole, seeded.Command.Role);
        if (seeded.Command.Reason is { } reason)
            stamped.SetHeader(EventHeaders.Reason, reason);
        return stamped;
    }

    /// <summary>One random source per clinic and per patient: a patient's story does not depend on the batch or writer that tells it.</summary>
    internal static Random ClinicRandom(int randomSeed, int clinic) => new(SeedOf(randomSeed, clinic, 0));

    internal static Random PatientRandom(int randomSeed, int clinic, int patient) => new(SeedOf(randomSeed, clinic, patient));

    private static int SeedOf(int randomSeed, int clinic, int patient) => unchecked(randomSeed * 1_000_003 + clinic * 100_003 + patient);

    /// <summary>Counts what the writers wrote and reports it at most every <c>reportEvery</c>, with the process's memory.</summary>
    private sealed class SeedTracker(long patientsPlanned, IProgress<GroupSeedProgress>? progress, TimeSpan reportEvery)
    {
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();
        private readonly Lock _lock = new();
        private long _events;
        private long _patients;
        private TimeSpan _lastReport;

        public void Add(int events, int patients)
        {
            lock (_lock)
            {
                _events += events;
                _patients += patients;
                if (_elapsed.Elapsed - _lastReport >= reportEvery)
                    Report(final: false);
            }
        }

        public GroupSeedProgress Report(bool final)
        {
            lock (_lock)
            {
                _lastReport = _elapsed.Elapsed;
                using var process = Process.GetCurrentProcess();
                var figures = new GroupSeedProgress(_events, _patients, patientsPlanned, _elapsed.Elapsed, process.WorkingSet64, process.PeakWorkingSet64);
                if (!final)
                    progress?.Report(figures);
                return figures;
            }
        }
    }
}
