using System.Security.Cryptography;
using System.Text.Json;
using Clinic.Api.Database;
using Clinic.Api.Lots;
using Clinic.Api.Privacy;
using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Measuring;
using Clinic.Benchmarks.Recall;
using Marten;
using Marten.Linq;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 8: a lot recall's reads (<see cref="LotRecall.RecipientsAsync"/>: the sessions that used a random lot,
/// then their patients' histories and practitioners' calendars) in the clinic's own store holding many performed
/// sessions, against <see cref="FloorLotRecall"/>; ours and the floor alternate recall by recall, and must give the
/// same answer. The sessions' query must use the products' GIN index: its plan (with its execution time) is printed and checked first.
/// </summary>
public sealed class LotRecallWorkload : IWorkload
{
    private const int WarmupRecalls = 100;
    private static readonly string[] Clinics = [BenchContext.Tenant];

    public string Name => "lot recall";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var scale = context.Scale;
        await using var schema = await BenchSchema.CreateClinicAsync(context);
        var clinic = RecallClinic.Generate(BenchContext.Tenant, scale.RecallSessions, seed: 8);
        await SeedAsync(context, schema, clinic);
        Console.WriteLine($"  {clinic.Sessions.Count:N0} performed sessions, {clinic.Histories.Count:N0} patients, {clinic.Lots:N0} lots");
        await ExpectIndexScanAsync(context, schema);

        var json = FloorJson.Create();
        // The floor opens the patients' sealed values as ours does (the same keys, in memory): the same work.
        var sealedJson = FloorJson.Create();
        ClinicMarten.AddSealing(sealedJson, schema.Keys!);
        var floor = new FloorLotRecall(context.Floor, schema.Name, sealedJson);
        var random = new Random(9);
        await RecallAllAsync(schema, floor, json, Pick(clinic, WarmupRecalls, random), context.Cancellation);
        var (ours, floors) = await RecallAllAsync(schema, floor, json, Pick(clinic, scale.Reads, random), context.Cancellation);
        return
        [
            BenchResult.Latency($"lot recall, {clinic.Sessions.Count:N0} sessions, p50", Measure.Percentile(ours, 50), Measure.Percentile(floors, 50)),
            BenchResult.Latency($"lot recall, {clinic.Sessions.Count:N0} sessions, p99", Measure.Percentile(ours, 99), Measure.Percentile(floors, 99)),
        ];
    }

    /// <summary>The documents, bulk-inserted, and the patients' keys first: their identities are stored sealed.</summary>
    private static async Task SeedAsync(BenchContext context, BenchSchema schema, RecallClinic clinic)
    {
        const int batch = 5_000;
        var cancellationToken = context.Cancellation;
        var patientIds = clinic.Histories.Select(history => history.Id).ToArray();
        await using (var keys = context.Floor.CreateCommand(
            $"INSERT INTO {schema.Name}.{PersonalKeysTable.Name} (subject_id, tenant_id, key, created_at) SELECT id, $2, key, now() FROM unnest($1::uuid[], $3::bytea[]) AS k(id, key)"))
        {
            keys.Parameters.Add(new Npgsql.NpgsqlParameter { Value = patientIds });
            keys.Parameters.Add(new Npgsql.NpgsqlParameter { Value = BenchContext.Tenant });
            keys.Parameters.Add(new Npgsql.NpgsqlParameter { Value = patientIds.Select(_ => RandomNumberGenerator.GetBytes(PersonalKeys.KeyBytes)).ToArray() });
            await keys.ExecuteNonQueryAsync(cancellationToken);
        }
        await schema.Keys!.PreloadAsync(patientIds, cancellationToken);
        await schema.Store.BulkInsertAsync(BenchContext.Tenant, clinic.Sessions, batchSize: batch, cancellation: cancellationToken);
        await schema.Store.BulkInsertAsync(BenchContext.Tenant, clinic.Histories, batchSize: batch, cancellation: cancellationToken);
        await schema.Store.BulkInsertAsync(BenchContext.Tenant, clinic.Calendars, batchSize: batch, cancellation: cancellationToken);
        await schema.VacuumAsync("mt_doc_sessionproducts", "mt_doc_patienthistory", "mt_doc_practitionercalendar");
    }

    /// <summary>Fails the run unless PostgreSQL answers Marten's query for the sessions of a lot through the products' index.</summary>
    private static async Task ExpectIndexScanAsync(BenchContext context, BenchSchema schema)
    {
        await using var session = schema.Store.QuerySession(BenchContext.Tenant);
        var query = session.SessionsUsing(RecallClinic.Lot(0), Clinics).ToCommand(FetchType.FetchMany);
        await using var connection = await context.Floor.OpenConnectionAsync(context.Cancellation);
        await using var explain = new Npgsql.NpgsqlCommand("EXPLAIN (ANALYZE) " + query.CommandText, connection);
        foreach (Npgsql.NpgsqlParameter parameter in query.Parameters)
            explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(context.Cancellation))
            while (await reader.ReadAsync(context.Cancellation))
                plan.Add(reader.GetString(0));
        Console.WriteLine($"  {query.CommandText}");
        foreach (var line in plan)
            Console.WriteLine($"    {line}");
        if (!plan.Any(line => line.Contains("Index Scan") && line.Contains("products")))
            throw new InvalidOperationException("The sessions of a lot are not read through the products' GIN index.");
    }

    private static List<string> Pick(RecallClinic clinic, int count, Random random) =>
        Enumerable.Range(0, count).Select(_ => RecallClinic.Lot(random.Next(clinic.Lots))).ToList();

    /// <summary>Each lot recalled by both sides, the first side alternating; checks both gave the same answer.</summary>
    private static async Task<(List<double> Ours, List<double> Floor)> RecallAllAsync(
        BenchSchema schema, FloorLotRecall floor, JsonSerializerOptions json, IReadOnlyList<string> lots, CancellationToken cancellationToken)
    {
        var (oursSamples, floorSamples) = (new List<double>(), new List<double>());
        for (var i = 0; i < lots.Count; i++)
        {
            Func<Task<LotRecipientsResponse>> ours = async () =>
            {
                await using var session = schema.Store.QuerySession(BenchContext.Tenant);
                return await session.RecipientsAsync(lots[i], Clinics, schema.Keys!, cancellationToken);
            };
            Func<Task<LotRecipientsResponse>> floors = () => floor.RecipientsAsync(lots[i], Clinics, cancellationToken);
            var oursFirst = i % 2 == 0;
            var first = await TimedAsync(oursFirst ? ours : floors, oursFirst ? oursSamples : floorSamples);
            var second = await TimedAsync(oursFirst ? floors : ours, oursFirst ? floorSamples : oursSamples);
            if (JsonSerializer.Serialize(first, json) != JsonSerializer.Serialize(second, json))
                throw new InvalidOperationException($"Ours and the floor recalled {lots[i]} differently.");
        }
        return (oursSamples, floorSamples);
    }

    private static async Task<LotRecipientsResponse> TimedAsync(Func<Task<LotRecipientsResponse>> recall, List<double> samples)
    {
        LotRecipientsResponse? answer = null;
        samples.Add(await Measure.MicrosecondsAsync(async () => answer = await recall()));
        return answer!;
    }
}
