using Clinic.Benchmarks.Floor;
using Clinic.Benchmarks.Measuring;
using Clinic.Benchmarks.Messages;
using Clinic.Messaging;
using Clinic.Messaging.Commands;
using Clinic.Messaging.Delivery;

namespace Clinic.Benchmarks.Workloads;

/// <summary>
/// Workload 6: the message dispatcher delivers a backlog of due messages, end to end (claimed, handled,
/// recorded in the inbox and removed), one dispatcher on one node. Ours: <see cref="MessageDispatcher"/>
/// with its default batch size and parallelism, called until it finds nothing due. Floor:
/// <see cref="FloorDispatcher"/> over the same rows.
/// </summary>
public sealed class DispatchWorkload : IWorkload
{
    public string Name => "dispatcher: deliver queued messages";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchContext context)
    {
        var scale = context.Scale;
        var (ours, floor) = await Measure.AlternatedRunsAsync(scale.CatchUpRounds,
            () => RunSideAsync(context, OursAsync, scale.DispatchMessages),
            () => RunSideAsync(context, FloorAsync, scale.DispatchMessages));
        return [BenchResult.Throughput(Name, ours, floor, BenchResult.MessagesPerSecond)];
    }

    /// <summary>One side: a warm-up drain of a small backlog, then the measured one, each in a fresh schema.</summary>
    private static async Task<double> RunSideAsync(BenchContext context, Func<MessagingSchema, PingCounter, Task> drain, int messages)
    {
        await DrainOnceAsync(context, drain, messages / 10);
        return await DrainOnceAsync(context, drain, messages);
    }

    private static async Task<double> DrainOnceAsync(BenchContext context, Func<MessagingSchema, PingCounter, Task> drain, int messages)
    {
        await using var schema = await MessagingSchema.CreateAsync(context);
        await schema.SeedAsync(messages);
        var handler = new PingCounter();
        var throughput = messages / await Measure.SecondsAsync(() => drain(schema, handler));
        await schema.ExpectDeliveredAsync(handler, messages);
        return throughput;
    }

    private static async Task OursAsync(MessagingSchema schema, PingCounter handler)
    {
        var bus = new CommandBus(schema.Store, schema.Messages, new HandlerRegistry(), new CommandBusOptions());
        await using var dispatcher = new MessageDispatcher(schema.Messages, new MessageHandlerRegistry().Add(handler), bus);
        while (await dispatcher.DeliverDueAsync(schema.Cancellation) > 0)
        {
        }
    }

    private static Task FloorAsync(MessagingSchema schema, PingCounter handler)
    {
        var options = schema.Messages.Options;
        var floor = new FloorDispatcher(schema.Floor, schema.Name, schema.Store.Options.Json, options.BatchSize, options.Lease);
        return floor.DrainAsync(handler, schema.Cancellation);
    }
}
