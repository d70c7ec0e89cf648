using Clinic.Api.Database;
using Clinic.Benchmarks.Measuring;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Patients registered and screened twice, one patient per transaction, through the application's Marten store (its
/// inline history and timeline included): as the application writes them, each event hash-chained by the trigger and
/// personal values sealed (each registration making its key in its transaction), against the same store without the
/// chain's trigger, writing them in clear. The ratio is ours / plain: what tamper evidence and encryption cost an append.
/// </summary>
public sealed class SealedAppendWorkload : IWorkload
{
    private const int PatientsPerBlock = 100;
    private const int EventsPerPatient = 3;

    public string Name => "append with hash chain and encryption vs plain append (patients, 1 stream/tx)";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var patients = context.Scale.AppendStreams;
        var sealedSchema = "bench_sealed_" + Guid.NewGuid().ToString("N")[..12];
        var plainSchema = "bench_plain_" + Guid.NewGuid().ToString("N")[..12];
        await using var sealedStore = new DocumentStore(ClinicMarten.Options(context.Marten, sealedSchema, BenchMarten.Keys(context.Marten, sealedSchema)));
        await using var plainStore = new DocumentStore(Plain(ClinicMarten.Options(context.Marten, plainSchema, BenchMarten.Keys(context.Marten, plainSchema))));
        try
        {
            await sealedStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await plainStore.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using (var unchain = context.Floor.CreateCommand($"DROP TRIGGER {EventChainTrigger.Name} ON {plainSchema}.mt_events"))
                await unchain.ExecuteNonQueryAsync(context.Cancellation);
            await RegisterAsync(sealedStore, PatientsPerBlock, context.Cancellation);
            await RegisterAsync(plainStore, PatientsPerBlock, context.Cancellation);
            var blocks = patients / PatientsPerBlock;
            var (sealedSeconds, plainSeconds) = await Measure.InterleavedAsync(blocks,
                _ => RegisterAsync(sealedStore, PatientsPerBlock, context.Cancellation),
                _ => RegisterAsync(plainStore, PatientsPerBlock, context.Cancellation));
            var events = (double)blocks * PatientsPerBlock * EventsPerPatient;
            return [BenchResult.Throughput(Name, events / sealedSeconds, events / plainSeconds)];
        }
        finally
        {
            foreach (var schema in new[] { sealedSchema, plainSchema })
            {
                await using var drop = context.Floor.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
                await drop.ExecuteNonQueryAsync(context.Cancellation);
            }
        }
    }

    /// <summary>The application's store as it would be without sealing: its stored JSON in clear, and no keys made (the chain's trigger is dropped once applied).</summary>
    private static StoreOptions Plain(StoreOptions options)
    {
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, ClinicMarten.ConfigureStoredJson);
        options.Listeners.Clear();
        return options;
    }

    private static async Task RegisterAsync(IDocumentStore store, int patients, CancellationToken cancellationToken)
    {
        for (var i = 0; i < patients; i++)
        {
            await using var session = store.LightweightSession(BenchContext.Tenant);
            var patientId = Guid.CreateVersion7();
            session.Events.StartStream(patientId, [.. Events(patientId)]);
            await session.SaveChangesAsync(cancellationToken);
        }
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
