using Clinic.Benchmarks.Growth;
using Clinic.Benchmarks.Http;
using Clinic.Benchmarks.Measuring;
using Npgsql;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 10 (issue 12): the same rows on a nearly empty database (<see cref="BenchScale.GrowthEmpty"/>) and on one
/// filled to full size (<see cref="BenchScale.GrowthFull"/>: 1M events), side by side. Each phase fills a fresh schema
/// through the API's generator verb, rebuilds every async projection (which also brings them up to date), vacuums,
/// measures the schema's size, then serves the API (daemon off, as the HTTP workload runs it) at the clinic of the patient
/// with about 200 events and measures its reads (one client) and its commands (8 desks). A row's floor column is the
/// empty database's figure (see docs/performance.md, Growth).
/// </summary>
public sealed class GrowthWorkload : IWorkload
{
    public string Name => "growth: empty database, then full size";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var empty = await MeasureAsync(context, context.Scale.GrowthEmpty);
        var full = await MeasureAsync(context, context.Scale.GrowthFull);
        return Compare(empty, full);
    }

    private static async Task<IReadOnlyList<GrowthFigure>> MeasureAsync(BenchContext context, SeedGroup group)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            var figures = new List<GrowthFigure>(await SeedAsync(context, schema, group));
            var events = await EventCountAsync(context.Floor, schema, context.Cancellation);
            figures.AddRange(await ProjectionRebuild.MeasureAsync(context, schema, events));
            await VacuumAsync(context.Floor, schema, context.Cancellation);
            figures.AddRange(await DatabaseSize.MeasureAsync(context.Floor, schema, events, context.Cancellation));
            var subjects = await GrowthSubjects.FindAsync(context.Floor, schema, context.Cancellation);
            Console.WriteLine($"  reading {subjects}");
            await using var api = await BenchApi.StartAsync(context, schema, subjects.Clinic);
            figures.AddRange(await ReadsAsync(context, api, subjects));
            figures.AddRange(await CommandsAsync(context, api));
            return figures;
        }
        finally
        {
            await using var drop = context.Floor.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await drop.ExecuteNonQueryAsync();
        }
    }

    /// <summary>
    /// Fills the schema with the group through the API's generator verb, in its own process with the server's
    /// configuration (<c>seed-demo --clinics N --patients-per-clinic M</c>).
    /// </summary>
    private static async Task<IReadOnlyList<GrowthFigure>> SeedAsync(BenchContext context, string schema, SeedGroup group)
    {
        Console.WriteLine($"  filling {group.Clinics} clinic(s) x {group.PatientsPerClinic:N0} patients (about {group.Events:N0} events) ...");
        var peakMegabytes = 0.0;
        var seconds = await Measure.SecondsAsync(async () => peakMegabytes = (await ApiProcess.RunVerbAsync(context, schema,
            "seed-demo", "--clinics", $"{group.Clinics}", "--patients-per-clinic", $"{group.PatientsPerClinic}")).PeakMegabytes);
        var events = await EventCountAsync(context.Floor, schema, context.Cancellation);
        Console.WriteLine($"  {events:N0} events in {seconds:N1} s, peak {peakMegabytes:N0} MB");
        return
        [
            GrowthFigure.Rate("generator (seed-demo): events written per second, with its process's start-up", events / seconds, BenchResult.EventsPerSecond),
            GrowthFigure.Cost("generator (seed-demo): peak memory of its process", peakMegabytes, BenchResult.Megabytes),
        ];
    }

    /// <summary>
    /// The reads, each measured after all of them have been warmed up together: a server answers them for weeks, so the
    /// runtime's tiered compilation has long finished optimising their code (after a few hundred requests it still
    /// takes a third of the API's CPU). The history row has its Npgsql floor beside it.
    /// </summary>
    private static async Task<IReadOnlyList<GrowthFigure>> ReadsAsync(BenchContext context, BenchApi api, GrowthSubjects subjects)
    {
        using var clinician = api.Client("clinician", "growth-clinician");
        using var admin = api.Client("clinic-admin", "growth-admin");
        GrowthRead[] reads =
        [
            new(clinician, $"/api/patients/{subjects.Patient}/history",
                $"GET /api/patients/{{id}}/history, patient with ~{GrowthSubjects.PatientEvents} events", TargetP99: 5),
            new(admin, $"/api/audit?after={subjects.TrailMiddle}", "GET /api/audit, a page from the middle of the clinic's trail", TargetP99: 20),
            new(admin, $"/api/audit?after={subjects.PatientTrailMiddle}&patientId={subjects.Patient}",
                "GET /api/audit, a page from the middle of the patient's trail", TargetP99: 20),
            new(admin, $"/api/audit?after={subjects.ActorTrailMiddle}&actor={Uri.EscapeDataString(subjects.Actor)}",
                "GET /api/audit, a page from the middle of the busiest actor's trail", TargetP99: 20),
            new(admin, "/api/dashboard", "GET /api/dashboard", TargetP99: 10),
            new(clinician, $"/api/lots/{Uri.EscapeDataString(subjects.Lot)}/recipients", "GET /api/lots/{lot}/recipients, a lot of median use", TargetP99: null),
        ];
        for (var round = 0; round < context.Scale.GrowthWarmUpReads; round++)
            foreach (var read in reads)
                await GetOkAsync(read.Client, read.Path, context.Cancellation);

        var count = context.Scale.GrowthReads;
        var figures = new List<GrowthFigure>();
        foreach (var read in reads)
            figures.AddRange(Percentiles(read.Row, await TimedGetsAsync(read.Client, read.Path, count, context.Cancellation), read.TargetP99));
        var floor = await HistoryFloor.PrepareAsync(context.Floor, api.Schema, subjects, context.Cancellation);
        await floor.TimedAsync(count / 10, context.Cancellation);
        figures.AddRange(Percentiles(
            $"history's floor in Npgsql: the same documents and stream read, one row inserted and committed, one round trip",
            await floor.TimedAsync(count, context.Cancellation), targetP99: null));
        return figures;
    }

    private sealed record GrowthRead(HttpClient Client, string Path, string Row, double? TargetP99);

    private static IReadOnlyList<GrowthFigure> Percentiles(string row, List<double> milliseconds, double? targetP99)
    {
        var target = targetP99 is { } ms ? $" (target ≤ {ms} ms)" : "";
        return
        [
            GrowthFigure.Cost($"{row}, p50", Measure.Percentile(milliseconds, 50), BenchResult.Milliseconds),
            GrowthFigure.Cost($"{row}, p99{target}", Measure.Percentile(milliseconds, 99), BenchResult.Milliseconds),
        ];
    }

    private static Task<List<double>> TimedGetsAsync(HttpClient client, string path, int count, CancellationToken ct) =>
        Measure.MillisecondsEachAsync(count, () => GetOkAsync(client, path, ct));

    /// <summary>GETs <paramref name="path"/> and reads the whole answer, which must be a success.</summary>
    private static async Task GetOkAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// The HTTP workload's commands from its 8 desks (new practitioners and patients in the filled clinic), round by round,
    /// the first rounds a warm-up: throughput and p99, and what each command cost in the measured rounds where the
    /// machine's other load does not count: the API process's CPU time and the WAL the server wrote.
    /// </summary>
    private static async Task<IReadOnlyList<GrowthFigure>> CommandsAsync(BenchContext context, BenchApi api)
    {
        var desks = await Task.WhenAll(Enumerable.Range(0, HttpCommandWorkload.Clients)
            .Select(n => BenchDesk.OpenAsync(api, n, context.Scale.HttpPatientsPerDesk, context.Cancellation)));
        return
        [
            .. await CommandAsync(context, api, desks, "ScheduleSession", BenchDesk.Schedule),
            .. await CommandAsync(context, api, desks, "ReportSideEffect", BenchDesk.SideEffect),
        ];
    }

    private static async Task<IReadOnlyList<GrowthFigure>> CommandAsync(
        BenchContext context, BenchApi api, IReadOnlyList<BenchDesk> desks, string name, DeskCommand command)
    {
        var measured = new ConcurrentTimings();
        var (processorTimeBefore, walBefore) = (TimeSpan.Zero, 0L);
        for (var round = 0; round < context.Scale.HttpRounds; round++)
        {
            if (round == context.Scale.HttpWarmUpRounds)
                (processorTimeBefore, walBefore) = (api.ProcessorTime, await WalPosition.ReadAsync(context.Floor, context.Cancellation));
            var timings = round < context.Scale.HttpWarmUpRounds ? new ConcurrentTimings() : measured;
            await timings.RunAsync(BenchDesk.Round(desks, command, round), call => call.Call.SendAsync(call.Client, context.Cancellation));
        }
        var processorTime = api.ProcessorTime - processorTimeBefore;
        var walBytes = await WalPosition.ReadAsync(context.Floor, context.Cancellation) - walBefore;
        var row = $"{name} over HTTP, {HttpCommandWorkload.Clients} clients";
        return
        [
            GrowthFigure.Rate($"{row} (target: at size ≥ 0.9 of empty)", measured.PerSecond, BenchResult.CommandsPerSecond),
            GrowthFigure.Cost($"{row}, p99", measured.Percentile(99), BenchResult.Milliseconds),
            GrowthFigure.Cost($"{row}, API process CPU per command", processorTime.TotalMilliseconds / measured.Operations, BenchResult.Milliseconds),
            GrowthFigure.Cost($"{row}, WAL written per command", walBytes / 1024.0 / measured.Operations, BenchResult.Kilobytes),
        ];
    }

    private static async Task<long> EventCountAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var count = db.CreateCommand($"SELECT count(*) FROM {schema}.mt_events");
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Vacuums and analyzes every table of the schema, as autovacuum would have done for data written over years: the
    /// reads meet settled tables and statistics, and autovacuum does not wake up in the middle of a measurement.
    /// </summary>
    private static async Task VacuumAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        var tables = new List<string>();
        await using (var list = db.CreateCommand("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables WHERE schemaname = $1"))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = schema });
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                tables.Add(reader.GetString(0));
        }
        await using var vacuum = db.CreateCommand($"VACUUM (ANALYZE) {string.Join(", ", tables)}");
        await vacuum.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Each figure at full size beside the same figure on the nearly empty database (rows measured in both).</summary>
    private static IReadOnlyList<BenchResult> Compare(IReadOnlyList<GrowthFigure> empty, IReadOnlyList<GrowthFigure> full)
    {
        var emptyByRow = empty.ToDictionary(figure => figure.Row);
        return
        [
            .. full.Where(figure => emptyByRow.ContainsKey(figure.Row)).Select(figure =>
            {
                var name = BenchResult.GrowthPrefix + figure.Row;
                var before = emptyByRow[figure.Row].Value;
                return figure.HigherIsBetter
                    ? BenchResult.Throughput(name, figure.Value, before, figure.Unit)
                    : BenchResult.Latency(name, figure.Value, before, figure.Unit);
            }),
        ];
    }
}
