using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clinic.Api.Hosting;

namespace Clinic.Benchmarks.Http;

/// <summary>
/// The API as its own process (<c>dotnet Clinic.Api.dll</c>, the build next to the benchmark's) on a given schema of the
/// benchmark's server, with its production defaults: serving on a free loopback port (daemon and Wolverine's agents
/// on), or running one of its command-line verbs to the end.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MemoryPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Uri _ready;

    private ApiProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _ready = new Uri(BaseAddress, "/health/ready");
    }

    /// <summary>Where a server answers; a verb's process (port 0) serves nothing.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The CPU time the API process has used so far, all its threads together.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>Starts the process and gives the seconds from its start until /health/ready first answers 200.</summary>
    public static async Task<(ApiProcess Api, double SecondsToReady)> StartAsync(BenchContext context, string schema, params string[] settings)
    {
        var port = FreePort();
        var started = Stopwatch.GetTimestamp();
        var api = Start(context, schema, [$"--config:urls=http://127.0.0.1:{port}", .. settings], port);
        await api.WaitUntilReadyAsync(context.Cancellation);
        return (api, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    /// <summary>
    /// Runs a verb of the API's command line (<c>seed-demo ...</c>, <c>projections rebuild ...</c>) on the schema with the
    /// server's configuration, to its end; fails the run unless it exits 0. Gives its output and its peak resident memory.
    /// </summary>
    public static async Task<VerbRun> RunVerbAsync(BenchContext context, string schema, params string[] verb)
    {
        await using var process = Start(context, schema, verb, port: 0);
        var peakBytes = await process.PeakMemoryUntilExitAsync(context.Cancellation);
        if (process._process.ExitCode != 0)
            throw new InvalidOperationException($"'{string.Join(' ', verb)}' exited with {process._process.ExitCode}. Its output:\n{process.Output()}");
        return new VerbRun(process.Output(), peakBytes / (1024.0 * 1024.0));
    }

    private static ApiProcess Start(BenchContext context, string schema, string[] arguments, int port)
    {
        var process = new ApiProcess(Process.Start(StartInfo(context.ConnectionString, schema, arguments))!, port);
        process.CollectOutput();
        return process;
    }

    /// <summary>The API's arguments: <paramref name="leading"/> (a verb and its flags, or a server's settings), then the benchmark's configuration.</summary>
    private static ProcessStartInfo StartInfo(string connectionString, string schema, string[] leading)
    {
        var dll = typeof(ClinicApp).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] arguments =
        [
            dll, .. leading, "--environment", "Production",
            $"--config:ConnectionStrings:Clinic={connectionString}", $"--config:Clinic:Schema={schema}",
            $"--config:Auth:SigningKey={BenchApi.SigningKey}", $"--config:Integrity:SigningKey={BenchApi.CheckpointKey}", "--config:Fhir:SystemBase=https://fhir.clinic-bench.test/fhir", "--config:Logging:LogLevel:Default=Warning",
        ];
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    private void CollectOutput()
    {
        _process.OutputDataReceived += (_, line) => Collect(line.Data);
        _process.ErrorDataReceived += (_, line) => Collect(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void Collect(string? line)
    {
        lock (_output)
            _output.AppendLine(line);
    }

    /// <summary>
    /// Waits for the process to exit, reading its peak resident memory as it runs (the kernel keeps the peak so far: a
    /// read misses at most the last <see cref="MemoryPollInterval"/>).
    /// </summary>
    private async Task<long> PeakMemoryUntilExitAsync(CancellationToken cancellationToken)
    {
        long peak = 0;
        while (!_process.HasExited)
        {
            try
            {
                _process.Refresh();
                peak = Math.Max(peak, _process.PeakWorkingSet64);
            }
            catch (InvalidOperationException)
            {
                break; // exited between the check and the read
            }
            await Task.Delay(MemoryPollInterval, cancellationToken);
        }
        await _process.WaitForExitAsync(cancellationToken);
        return peak;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = ReadyTimeout };
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (!await IsReadyAsync(client, cancellationToken))
        {
            if (_process.HasExited || Stopwatch.GetTimestamp() > deadline)
                throw new InvalidOperationException($"The API never became ready at {_ready}. Its output:\n{Output()}");
            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>Whether /health/ready answers 200; refused connections (not listening yet) and 503s are "not yet".</summary>
    private async Task<bool> IsReadyAsync(HttpClient client, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(_ready, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private string Output()
    {
        lock (_output)
            return _output.ToString();
    }

    /// <summary>A loopback port nobody listens on: the OS picks one, and it is released for the API to take.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>What a verb of the API printed, and the most resident memory its process held.</summary>
public sealed record VerbRun(string Output, double PeakMegabytes);
