using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Clinic.Api.Hosting;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Faults;

/// <summary>
/// The API as an operator runs it: <c>dotnet Clinic.Api.dll</c> in a process of its own, on a loopback port that stays
/// its own across restarts, in Development, accepting tokens signed with the tests' key. Everything it writes to its
/// console is kept, across restarts, in <see cref="Log"/>.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopPatience = TimeSpan.FromSeconds(30);

    private readonly string[] _settings;
    private Process? _process;

    private ApiProcess(int port, string[] settings)
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        _settings = settings;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Starts the API with these <c>--Key=value</c> settings and waits until it serves.</summary>
    public static async Task<ApiProcess> StartAsync(params string[] settings)
    {
        var api = new ApiProcess(FreeLoopbackPort(), settings);
        await api.StartAsync();
        return api;
    }

    /// <summary>Starts it again on the same port (after <see cref="Kill"/>), and waits until it serves.</summary>
    public async Task StartAsync()
    {
        var dll = typeof(ClinicApp).Assembly.Location;
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The command line is JasperFx's: configuration goes with its --config:Key=value flag.
        foreach (var argument in (string[])[dll, $"--config:urls={BaseAddress}", "--environment", "Development",
                     $"--config:Auth:SigningKey={ApiHost.SigningKey}", "--config:Logging:LogLevel:Default=Information",
                     .. _settings.Select(setting => "--config:" + setting.TrimStart('-'))])
            start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilServingAsync(process);
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public void Kill()
    {
        _process!.Kill();
        _process.WaitForExit();
    }

    public HttpClient Client(string role, string clinic)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiHost.Token(role, clinic, $"{role}-user"));
        return client;
    }

    /// <summary>Lines of stack traces in the log (" at Namespace.Type.Method(...)").</summary>
    public IReadOnlyList<string> StackTraceLines() => Log.Where(line => StackFrame().IsMatch(line)).ToList();

    public IReadOnlyList<string> LinesContaining(string text) => Log.Where(line => line.Contains(text, StringComparison.Ordinal)).ToList();

    /// <summary>Stops it as an operator would (SIGTERM: it finishes, and stops an embedded server it started); SIGKILL if it hangs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_process is null || _process.HasExited)
            return;
        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString()]))
            await terminate.WaitForExitAsync();
        using var patience = new CancellationTokenSource(StopPatience);
        try
        {
            await _process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
            Log.Enqueue(line);
    }

    private async Task WaitUntilServingAsync(Process process)
    {
        using var probe = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartPatience;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"The API exited with {process.ExitCode} before serving:\n{string.Join('\n', Log)}");
            try
            {
                if ((await probe.GetAsync("/health/live")).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but slow to answer its first request on a busy machine: asked again until the deadline.
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"The API did not serve within {StartPatience}:\n{string.Join('\n', Log)}");
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s+at \S+\(")]
    private static partial Regex StackFrame();
}
