using Clinic.Api.Database;
using Clinic.Benchmarks;
using Clinic.Benchmarks.Measuring;
using Clinic.Benchmarks.Server;
using Clinic.Benchmarks.Workloads;
using Npgsql;

// Compares Marten, as the application configures it, with plain Npgsql doing the same work (the floor); see docs/performance.md.
BenchArguments arguments;
try
{
    arguments = BenchArguments.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};

await using var server = await BenchServer.StartAsync(cancellation.Token);
await using var marten = NpgsqlDataSource.Create(await ClinicMarten.ForTheStoreAsync(server.ConnectionString, cancellation.Token));
await using var floor = NpgsqlDataSource.Create(server.ConnectionString);
var context = new BenchContext(server.ConnectionString, arguments.Scale, marten, floor, !arguments.WithoutChain, cancellation.Token);
await PrintSetupAsync(server, context);

var results = new List<BenchResult>();
foreach (var workload in Workloads().Where(w => arguments.Only is null || w.Name.Contains(arguments.Only, StringComparison.OrdinalIgnoreCase)))
{
    Console.WriteLine($"{workload.Name} ...");
    results.AddRange(await workload.RunAsync(context));
}

ResultsReport.Print(results);
if (arguments.OutputPath is not null)
{
    await ResultsReport.WriteAsync(arguments.OutputPath, results);
    Console.WriteLine($"results written to {arguments.OutputPath}");
}
return 0;

static IEnumerable<IWorkload> Workloads() =>
[
    new AppendWorkload(streamsPerTransaction: 1, inlineProjection: false),
    new AppendWorkload(streamsPerTransaction: 100, inlineProjection: false),
    new AppendWorkload(streamsPerTransaction: 1, inlineProjection: true),
    new AppendWorkload(streamsPerTransaction: 100, inlineProjection: true),
    new SealedAppendWorkload(new RegisteredAndScreenedTraffic()),
    new SealedAppendWorkload(new ClinicHistoriesTraffic()),
    new CatchUpWorkload(),
    new StreamReadWorkload(),
    new LotRecallWorkload(),
    new HttpCommandWorkload(),
    new StartupWorkload(),
    new VerifyWorkload(),
    new GrowthWorkload(),
];

static async Task PrintSetupAsync(BenchServer server, BenchContext context)
{
    var scale = context.Scale;
    Console.WriteLine($"scale: {scale.Name} ({scale.AppendStreams:N0} streams x {scale.EventsPerStream} events per append workload, " +
        $"{scale.CatchUpEvents:N0} events to catch up, {scale.Reads:N0} reads, {scale.VerifyEvents:N0} events to verify; one sequential writer; " +
        $"growth from {scale.GrowthEmpty.Events:N0} to {scale.GrowthFull.Events:N0} events)");
    Console.WriteLine(context.Chained ? "events hash-chained (the application's trigger)" : "events not hash-chained (--without-chain)");
    Console.WriteLine($"server: {server.Origin}");
    foreach (var (name, value) in await ServerSettings.ReadAsync(context.Floor, context.Cancellation))
        Console.WriteLine($"  {name} = {value}");
    Console.WriteLine();
}
