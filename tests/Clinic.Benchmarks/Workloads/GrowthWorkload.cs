using Clinic.Benchmarks.Growth;
using Clinic.Benchmarks.Http;
using Clinic.Benchmarks.Measuring;
using Npgsql;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 10 (issue 12): the same rows on a nearly empty database (<see cref="BenchScale.GrowthEmpty"/>) and on one
/// filled to full size (<see cref="BenchScale.GrowthFull"/>: 1M events), side by side. Each database is filled in a fresh
/// schema through the API's generator verb, its async projections rebuilt (which also brings them up to date), vacuumed
/// and measured for size. Then the API serves each (two processes, daemon off, as the HTTP workload runs it) at the clinic
/// of the patient with about 200 events, and the reads (one client) and commands (8 desks) are measured on both in
/// alternating blocks, so that both meet the same machine. A row's floor column is the empty database's figure (see
/// docs/performance.md, Growth).
/// </summary>
public sealed class GrowthWorkload : IWorkload
{
    /// <summary>How many GETs of one read are timed on one database before the other's turn.</summary>
    private const int ReadsPerBlock = 100;

    public string Name => "growth: empty database beside full size";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var (emptySchema, fullSchema) = (NewSchema(), NewSchema());
        try
        {
            var (emptySubjects, emptyFigures) = await FillAsync(context, emptySchema, context.Scale.GrowthEmpty);
            var (fullSubjects, fullFigures) = await FillAsync(context, fullSchema, context.Scale.GrowthFull);
            await using var emptyApi = await BenchApi.StartAsync(context, emptySchema, emptySubjects.Clinic);
            await using var fullApi = await BenchApi.StartAsync(context, fullSchema, fullSubjects.Clinic);
            using var empty = new GrowthSide(emptyApi, emptySubjects, emptyFigures);
            using var full = new GrowthSide(fullApi, fullSubjects, fullFigures);
            GrowthSide[] sides = [empty, full];
            await ReadsAsync(context, sides);
            await HistoryFloorAsync(context, sides);
            await CommandsAsync(context, sides);
            return Compare(empty.Figures, full.Figures);
        }
        finally
        {
            foreach (var schema in new[] { emptySchema, fullSchema })
            {
                await using var drop = context.Floor.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static string NewSchema() => "bench_" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Fills the schema, rebuilds its async projections, vacuums it, measures its size and finds what to read in it.</summary>
    private static async Task<(GrowthSubjects Subjects, List<GrowthFigure> Figures)> FillAsync(BenchContext context, string schema, SeedGroup group)
    {
        var figures = new List<GrowthFigure>(await SeedAsync(context, schema, group));
        var events = await EventCountAsync(context.Floor, schema, context.Cancellation);
        figures.AddRange(await ProjectionRebuild.MeasureAsync(context, schema, events));
        await VacuumAsync(context.Floor, schema, context.Cancellation);
        figures.AddRange(await DatabaseSize.MeasureAsync(context.Floor, schema, events, context.Cancellation));
        var subjects = await GrowthSubjects.FindAsync(context.Floor, schema, context.Cancellation);
        Console.WriteLine($"  reading {subjects}");
        return (subjects, figures);
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
    /// takes a third of the API's CPU).
    /// </summary>
    private static async Task ReadsAsync(BenchContext context, IReadOnlyList<GrowthSide> sides)
    {
        await Measure.AlternateAsync(sides, context.Scale.GrowthWarmUpReads, async (side, _) =>
        {
            foreach (var read in side.Reads)
                await GetOkAsync(read.Client, read.Path, context.Cancellation);
        });
        for (var index = 0; index < sides[0].Reads.Count; index++)
        {
            var read = index;
            var timed = await TimedInBlocksAsync(context, sides,
                side => () => GetOkAsync(side.Reads[read].Client, side.Reads[read].Path, context.Cancellation));
            foreach (var side in sides)
                side.Figures.AddRange(Percentiles(side.Reads[read].Row, timed[side], side.Reads[read].TargetP99));
        }
    }

    /// <summary>The history's floor in Npgsql on each database, warmed up, then timed in the same alternating blocks.</summary>
    private static async Task HistoryFloorAsync(BenchContext context, IReadOnlyList<GrowthSide> sides)
    {
        var floors = new Dictionary<GrowthSide, HistoryFloor>();
        foreach (var side in sides)
            floors[side] = await HistoryFloor.PrepareAsync(context.Floor, side.Api.Schema, side.Subjects, context.Cancellation);
        await Measure.AlternateAsync(sides, 1,
            (side, _) => Measure.MillisecondsEachAsync(context.Scale.GrowthReads / 10, () => floors[side].ReadAndRecordAsync(context.Cancellation)));
        var timed = await TimedInBlocksAsync(context, sides, side => () => floors[side].ReadAndRecordAsync(context.Cancellation));
        foreach (var side in sides)
            side.Figures.AddRange(Percentiles(
                "history's floor in Npgsql: the same documents and stream read, one row inserted and committed, one round trip",
                timed[side], targetP99: null));
    }

    /// <summary>Times <paramref name="once"/> of each database, <see cref="ReadsPerBlock"/> at a time, in alternating blocks: each one's milliseconds.</summary>
    private static async Task<Dictionary<GrowthSide, List<double>>> TimedInBlocksAsync(
        BenchContext context, IReadOnlyList<GrowthSide> sides, Func<GrowthSide, Func<Task>> once)
    {
        var timed = sides.ToDictionary(side => side, _ => new List<double>());
        await Measure.AlternateAsync(sides, context.Scale.GrowthReads / ReadsPerBlock,
            async (side, _) => timed[side].AddRange(await Measure.MillisecondsEachAsync(ReadsPerBlock, once(side))));
        return timed;
    }

    private static IReadOnlyList<GrowthFigure> Percentiles(string row, List<double> milliseconds, double? targetP99)
    {
        var target = targetP99 is { } ms ? $" (target ≤ {ms} ms)" : "";
        return
        [
            GrowthFigure.Cost($"{row}, p50", Measure.Percentile(milliseconds, 50), BenchResult.Milliseconds),
            GrowthFigure.Cost($"{row}, p99{target}", Measure.Percentile(milliseconds, 99), BenchResult.Milliseconds),
        ];
    }

    /// <summary>GETs <paramref name="path"/> and reads the whole answer, which must be a success.</summary>
    private static async Task GetOkAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>
    /// The HTTP workload's commands from its 8 desks (new practitioners and patients in each filled clinic), round by round
    /// on each database in turn, the first rounds a warm-up: throughput and p99, and what each command cost in the
    /// measured rounds, figures the machine's other load barely moves: the API process's CPU time and the WAL the server
    /// wrote.
    /// </summary>
    private static async Task CommandsAsync(BenchContext context, IReadOnlyList<GrowthSide> sides)
    {
        var desks = new Dictionary<GrowthSide, BenchDesk[]>();
        foreach (var side in sides)
            desks[side] = await Task.WhenAll(Enumerable.Range(0, HttpCommandWorkload.Clients)
                .Select(n => BenchDesk.OpenAsync(side.Api, n, context.Scale.HttpPatientsPerDesk, context.Cancellation)));
        await CommandAsync(context, sides, desks, "ScheduleSession", BenchDesk.Schedule);
        await CommandAsync(context, sides, desks, "ReportSideEffect", BenchDesk.SideEffect);
    }

    /// <summary>
    /// The API's CPU is counted from each process's first measured round to the end (work a command leaves behind it, such
    /// as its outgoing messages, is counted; so is the process's idle work while the other one's rounds run); the WAL round
    /// by round (with whatever the idle process and the previous round's leftovers write meanwhile: little beside a
    /// command's 7–17 kB).
    /// </summary>
    private static async Task CommandAsync(
        BenchContext context, IReadOnlyList<GrowthSide> sides, Dictionary<GrowthSide, BenchDesk[]> desks, string name, DeskCommand command)
    {
        var costs = sides.ToDictionary(side => side, _ => new CommandCost());
        await Measure.AlternateAsync(sides, context.Scale.HttpRounds, async (side, round) =>
        {
            var calls = BenchDesk.Round(desks[side], command, round);
            if (round < context.Scale.HttpWarmUpRounds)
            {
                await new ConcurrentTimings().RunAsync(calls, call => call.Call.SendAsync(call.Client, context.Cancellation));
                return;
            }
            var cost = costs[side];
            if (round == context.Scale.HttpWarmUpRounds)
                cost.ProcessorTimeAtStart = side.Api.ProcessorTime;
            var walBefore = await WalPosition.ReadAsync(context.Floor, context.Cancellation);
            await cost.Timings.RunAsync(calls, call => call.Call.SendAsync(call.Client, context.Cancellation));
            cost.WalBytes += await WalPosition.ReadAsync(context.Floor, context.Cancellation) - walBefore;
        });
        var row = $"{name} over HTTP, {HttpCommandWorkload.Clients} clients";
        foreach (var side in sides)
        {
            var (measured, commands) = (costs[side], costs[side].Timings.Operations);
            side.Figures.AddRange(
            [
                GrowthFigure.Rate($"{row} (target: at size ≥ 0.9 of empty)", measured.Timings.PerSecond, BenchResult.CommandsPerSecond),
                GrowthFigure.Cost($"{row}, p99", measured.Timings.Percentile(99), BenchResult.Milliseconds),
                GrowthFigure.Cost($"{row}, API process CPU per command",
                    (side.Api.ProcessorTime - measured.ProcessorTimeAtStart).TotalMilliseconds / commands, BenchResult.Milliseconds),
                GrowthFigure.Cost($"{row}, WAL written per command", measured.WalBytes / 1024.0 / commands, BenchResult.Kilobytes),
            ]);
        }
    }

    private sealed class CommandCost
    {
        public ConcurrentTimings Timings { get; } = new();
        public TimeSpan ProcessorTimeAtStart { get; set; }
        public long WalBytes { get; set; }
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
