using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime;
using Clinic.Benchmarks.Growth;
using Npgsql;

namespace Clinic.Benchmarks.Measuring;

/// <summary>
/// What a piece of work cost, in measures the machine's other load hardly moves (unlike its wall-clock time on these
/// shared cores): the CPU time of this process and of the PostgreSQL server, the bytes this process wrote (to the
/// server, as Npgsql counts them), its round trips to the server (Npgsql's operations: a command or a batch) and the
/// WAL the server wrote; and the time this process spent JIT-compiling (part of its CPU, which a warmed-up server no
/// longer spends).
/// </summary>
public sealed record Cost(TimeSpan Client, TimeSpan? Server, long BytesSent, long RoundTrips, long WalBytes, TimeSpan Jit)
{
    public static readonly Cost None = new(TimeSpan.Zero, TimeSpan.Zero, 0, 0, 0, TimeSpan.Zero);

    public static Cost operator +(Cost a, Cost b) =>
        new(a.Client + b.Client, a.Server + b.Server, a.BytesSent + b.BytesSent, a.RoundTrips + b.RoundTrips, a.WalBytes + b.WalBytes, a.Jit + b.Jit);

    public static Cost operator -(Cost a, Cost b) =>
        new(a.Client - b.Client, a.Server - b.Server, a.BytesSent - b.BytesSent, a.RoundTrips - b.RoundTrips, a.WalBytes - b.WalBytes, a.Jit - b.Jit);
}

/// <summary>
/// Reads <see cref="Cost"/> counters. The server's CPU is that of its processes as /proc shows them: the postmaster's,
/// with its children that exited, and that of the children it had when the meter was made (the connections' backends,
/// the WAL writer...; a child started later is counted once it exits). Looking for them all again at each reading cost
/// this process more CPU than a block of the work it measures. Known only when the server runs on this machine, as the
/// benchmark's throwaway cluster does.
/// </summary>
public sealed class CostMeter : IDisposable
{
    // The kernel's clock ticks per second for /proc's CPU times (USER_HZ): 100 on every Linux this runs on.
    private const double TicksPerSecond = 100;

    private readonly NpgsqlDataSource _db;
    private readonly int? _postmaster;
    private readonly int[] _serverChildren;
    private readonly NpgsqlCounters _npgsql = new();

    private CostMeter(NpgsqlDataSource db, int? postmaster)
    {
        _db = db;
        _postmaster = postmaster;
        _serverChildren = postmaster is { } parent ? ChildrenOf(parent) : [];
    }

    /// <summary>A meter of the server <paramref name="db"/> connects to, once the connections to be measured are open.</summary>
    public static async Task<CostMeter> ForAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync(ct))!;
        return new CostMeter(db, ProcessStat.Read(backend) is { } stat ? stat.ParentId : null);
    }

    public async Task<Cost> ReadAsync(CancellationToken ct)
    {
        var wal = await WalPosition.ReadAsync(_db, ct);
        return new Cost(ClientProcessorTime(), ServerProcessorTime(), _npgsql.BytesSent, _npgsql.Operations, wal, JitInfo.GetCompilationTime());
    }

    public void Dispose() => _npgsql.Dispose();

    private static TimeSpan ClientProcessorTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private TimeSpan? ServerProcessorTime()
    {
        if (_postmaster is not { } parent || ProcessStat.Read(parent) is not { } main)
            return null;
        var ticks = main.OwnTicks + main.ExitedChildrenTicks;
        foreach (var child in _serverChildren)
            if (ProcessStat.Read(child) is { } stat && stat.ParentId == parent)
                ticks += stat.OwnTicks;
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    private static int[] ChildrenOf(int parent) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(directory => int.TryParse(Path.GetFileName(directory), out var id) ? id : 0)
            .Where(id => id != 0 && ProcessStat.Read(id)?.ParentId == parent),
    ];

    /// <summary>The fields of /proc/&lt;pid&gt;/stat used here; null for a process gone or not readable.</summary>
    private sealed record ProcessStat(int ParentId, long OwnTicks, long ExitedChildrenTicks)
    {
        public static ProcessStat? Read(int id)
        {
            string text;
            try
            {
                text = File.ReadAllText($"/proc/{id}/stat");
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
            // The command name, in parentheses, may hold spaces: fields are counted after its closing one (state is field 3).
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3]);
            return new ProcessStat((int)Field(4), Field(14) + Field(15), Field(16) + Field(17));
        }
    }
}

/// <summary>Npgsql's own counts, over every data source of this process: bytes it sent, and operations it ran.</summary>
internal sealed class NpgsqlCounters : IDisposable
{
    private const string BytesWritten = "db.client.operation.npgsql.bytes_written";
    private const string Duration = "db.client.operation.duration";

    private readonly MeterListener _listener = new();
    private long _bytesSent;
    private long _operations;

    public NpgsqlCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "Npgsql" && instrument.Name is BytesWritten or Duration)
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument, value));
        _listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Record(instrument, 0));
        _listener.Start();
    }

    public long BytesSent => Interlocked.Read(ref _bytesSent);

    public long Operations => Interlocked.Read(ref _operations);

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, long value)
    {
        if (instrument.Name == BytesWritten)
            Interlocked.Add(ref _bytesSent, value);
        else
            Interlocked.Increment(ref _operations);
    }
}
