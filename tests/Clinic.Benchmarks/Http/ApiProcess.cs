using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Clinic.Api.Hosting;

namespace Clinic.Benchmarks.Http;

/// <summary>
/// The API as its own process (<c>dotnet Clinic.Api.dll</c>, the build next to the benchmark's), serving a given schema
/// of the benchmark's server on a free loopback port with its production defaults: daemon and Wolverine's agents on.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(10);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Uri _ready;

    private ApiProcess(Process process, int port)
    {
        _process = process;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _ready = new Uri(BaseAddress, "/health/ready");
    }

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
        var api = new ApiProcess(Process.Start(StartInfo(context.ConnectionString, schema, port, settings))!, port);
        api.CollectOutput();
        await api.WaitUntilReadyAsync(context.Cancellation);
        return (api, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static ProcessStartInfo StartInfo(string connectionString, string schema, int port, string[] settings)
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
            dll, $"--config:urls=http://127.0.0.1:{port}", "--environment", "Production",
            $"--config:ConnectionStrings:Clinic={connectionString}", $"--config:Clinic:Schema={schema}",
            $"--config:Auth:SigningKey={BenchApi.SigningKey}", $"--config:Integrity:SigningKey={BenchApi.CheckpointKey}", "--config:Fhir:SystemBase=https://fhir.clinic-bench.test/fhir", "--config:Logging:LogLevel:Default=Warning", .. settings,
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
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
