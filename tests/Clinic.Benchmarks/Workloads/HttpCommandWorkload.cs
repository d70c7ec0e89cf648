using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Http;
using Clinic.Benchmarks.Measuring;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 7: commands end to end over HTTP (token, JSON, Wolverine, load, decide, append with the
/// inline projections and the outbox), from 8 concurrent clients, each a practitioner's desk with patients
/// of its own: <c>ScheduleSession</c>, then <c>ReportSideEffect</c>. Round by round every desk sends one
/// command per patient (so no record is written twice in a round); the floor then does that round's
/// database work (<see cref="FloorCommands"/>) from 8 concurrent connections. Each command's first rounds
/// (<see cref="BenchScale.HttpWarmUpRounds"/>) are a warm-up: a server's code runs optimized after its first few
/// hundred requests. The API runs in a process of its own, whose CPU time per command is reported beside (the rest of
/// the two cores goes to PostgreSQL and to the clients).
/// </summary>
public sealed class HttpCommandWorkload : IWorkload
{
    public const int Clients = 8;

    public string Name => $"HTTP commands, {Clients} clients";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        await using var api = await BenchApi.StartAsync(context);
        var desks = await Task.WhenAll(Enumerable.Range(0, Clients)
            .Select(n => BenchDesk.OpenAsync(api, n, context.Scale.HttpPatientsPerDesk, context.Cancellation)));
        var floor = await FloorCommands.CopyAsync(context, api.Schema, context.Cancellation);
        try
        {
            return
            [
                .. await MeasureAsync("ScheduleSession", api, context, floor, desks, BenchDesk.Schedule),
                .. await MeasureAsync("ReportSideEffect", api, context, floor, desks, BenchDesk.SideEffect),
            ];
        }
        finally
        {
            await floor.DropAsync();
        }
    }

    private static async Task<IReadOnlyList<BenchResult>> MeasureAsync(
        string name, BenchApi api, BenchContext context, FloorCommands floor, IReadOnlyList<BenchDesk> desks,
        DeskCommand command)
    {
        var (ours, floorSide) = (new ConcurrentTimings(), new ConcurrentTimings());
        var measured = new List<string>();
        var apiProcessorTime = TimeSpan.Zero;
        for (var round = 0; round < context.Scale.HttpRounds; round++)
        {
            var calls = BenchDesk.Round(desks, command, round);
            var correlationIds = calls.SelectMany(c => c).Select(c => c.Call.CorrelationId).ToList();
            var warmUp = round < context.Scale.HttpWarmUpRounds;
            var (oursRound, floorRound) = warmUp ? (new ConcurrentTimings(), new ConcurrentTimings()) : (ours, floorSide);
            var apiProcessorTimeBefore = api.ProcessorTime;
            await oursRound.RunAsync(calls, call => call.Call.SendAsync(call.Client, context.Cancellation));
            if (!warmUp)
                apiProcessorTime += api.ProcessorTime - apiProcessorTimeBefore;
            var recorded = await floor.CaptureAsync(correlationIds, context.Cancellation);
            await floorRound.RunAsync([.. recorded.Chunk(desks[0].Patients.Count)], recordedCommand => floor.ReplayAsync(recordedCommand, context.Cancellation));
            if (!warmUp)
                measured.AddRange(correlationIds);
        }
        await floor.ExpectSameEventsAsync(measured);
        var label = $"{name} over HTTP, {Clients} clients";
        return
        [
            BenchResult.Throughput(label, ours.PerSecond, floorSide.PerSecond, BenchResult.CommandsPerSecond),
            BenchResult.Latency($"{label}, p50", ours.Percentile(50), floorSide.Percentile(50), BenchResult.Milliseconds),
            BenchResult.Latency($"{label}, p99", ours.Percentile(99), floorSide.Percentile(99), BenchResult.Milliseconds),
            BenchResult.WithoutFloor($"{label}, API process CPU per command", apiProcessorTime.TotalMilliseconds / measured.Count, BenchResult.Milliseconds),
        ];
    }
}
