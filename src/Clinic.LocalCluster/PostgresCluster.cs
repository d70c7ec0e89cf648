using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Clinic.LocalCluster;

/// <summary>
/// A private PostgreSQL cluster in a folder of ours, started with the installed server binaries
/// on a free loopback port. PostgreSQL refuses to run as root, so a root process runs the
/// server programs as the unprivileged <c>postgres</c> user.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string SuperUser = "postgres";
    private const string ServiceAccount = "postgres";

    private const int StartAttempts = 5;

    private readonly string _binDirectory;
    private readonly bool _asServiceAccount;
    private readonly IReadOnlyDictionary<string, string>? _settings;
    private ClusterOwnership? _ownership;

    private PostgresCluster(
        string dataDirectory, string binDirectory, bool asServiceAccount, int port, IReadOnlyDictionary<string, string>? settings, ClusterOwnership? ownership)
    {
        DataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _asServiceAccount = asServiceAccount;
        Port = port;
        _settings = settings;
        _ownership = ownership;
    }

    public string DataDirectory { get; }
    public int Port { get; }

    /// <summary>
    /// Whether this instance stops the server when disposed: it started it, or adopted it from a process
    /// that has ended. False when it reuses a server that a running process (an API, say) started.
    /// </summary>
    public bool IsOwner => _ownership is not null;

    /// <summary>Connection string to the given database of this cluster, as the superuser, over TCP.</summary>
    public string ConnectionString(string database = "postgres") =>
        $"Host=127.0.0.1;Port={Port};Username={SuperUser};Database={database}";

    /// <summary>
    /// Starts the cluster in <paramref name="dataDirectory"/>, creating it on first use. A cluster
    /// already running there is reused on its port; see <see cref="IsOwner"/> for who stops it.
    /// </summary>
    public static Task<PostgresCluster> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default) =>
        StartAsync(dataDirectory, settings, FreeLoopbackPort, cancellationToken);

    /// <param name="pickPort">Gives a port that looked free; asked again if the server could not bind it.</param>
    internal static async Task<PostgresCluster> StartAsync(
        string dataDirectory, IReadOnlyDictionary<string, string>? settings, Func<int> pickPort, CancellationToken cancellationToken)
    {
        dataDirectory = Path.GetFullPath(dataDirectory);
        var binDirectory = PostgresBinaries.FindDirectory();
        var asServiceAccount = Environment.IsPrivilegedProcess;
        Directory.CreateDirectory(dataDirectory);
        if (asServiceAccount)
            await GiveToServiceAccountAsync(dataDirectory, cancellationToken);

        var runningPort = RunningPort(dataDirectory);
        if (runningPort is not null && await IsRunningAsync(binDirectory, dataDirectory, asServiceAccount, cancellationToken))
            return new PostgresCluster(dataDirectory, binDirectory, asServiceAccount, runningPort.Value, settings, ClusterOwnership.TryTake(dataDirectory));

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await InitializeAsync(binDirectory, dataDirectory, asServiceAccount, cancellationToken);
        var ownership = ClusterOwnership.TryTake(dataDirectory) ?? throw new InvalidOperationException(
            $"The PostgreSQL cluster in {dataDirectory} is not running, and another process that uses it is still alive (starting or stopping it?). Try again when it has finished.");
        try
        {
            return await StartServerAsync(dataDirectory, binDirectory, asServiceAccount, settings, pickPort, ownership, cancellationToken);
        }
        catch
        {
            ownership.Dispose();
            throw;
        }
    }

    /// <summary>Stops the server (whoever started it), if it runs, and gives up this instance's ownership.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (IsServerRunning())
            await RunServerProgramAsync("pg_ctl", cancellationToken, "-D", DataDirectory, "-m", "fast", "-w", "stop");
        ReleaseOwnership();
    }

    /// <summary>
    /// Whether the server's postmaster is alive: the process postmaster.pid names exists, is a postgres process and has
    /// not ended (a postmaster killed with SIGKILL leaves its pid file behind).
    /// </summary>
    public bool IsServerRunning()
    {
        var pid = RunningPid(DataDirectory);
        return pid is not null && ProcessTable.IsAlive(pid.Value, "postgres");
    }

    /// <summary>
    /// Takes this cluster's ownership if nobody holds it (its owner's process has ended); returns whether this instance
    /// owns it now.
    /// </summary>
    public bool TryTakeOwnership()
    {
        _ownership ??= ClusterOwnership.TryTake(DataDirectory);
        return IsOwner;
    }

    /// <summary>
    /// Starts the server again, with the settings and on the port it had (connection strings name it), after it stopped
    /// or died. Only the owner may: see <see cref="TryTakeOwnership"/>.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (!IsOwner)
            throw new InvalidOperationException($"The PostgreSQL cluster in {DataDirectory} belongs to another process, which restarts it.");
        var result = await TryStartServerAsync(cancellationToken);
        if (result.ExitCode != 0)
            throw ProgramFailed("pg_ctl", result);
    }

    /// <summary>Stops the server if this instance owns it; leaves a borrowed one running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (IsOwner)
            await StopAsync();
    }

    private void ReleaseOwnership()
    {
        _ownership?.Dispose();
        _ownership = null;
    }

    /// <summary>
    /// pg_ctl start on a port that looked free. Another program can bind that port between our look and
    /// the server's bind; then the server cannot start, and we try again on another port.
    /// </summary>
    private static async Task<PostgresCluster> StartServerAsync(
        string dataDirectory, string binDirectory, bool asServiceAccount, IReadOnlyDictionary<string, string>? settings,
        Func<int> pickPort, ClusterOwnership ownership, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var cluster = new PostgresCluster(dataDirectory, binDirectory, asServiceAccount, pickPort(), settings, ownership);
            var logStart = cluster.ServerLogLength();
            var result = await cluster.TryStartServerAsync(cancellationToken);
            if (result.ExitCode == 0)
                return cluster;
            if (attempt == StartAttempts || !cluster.ServerLogSince(logStart).Contains("could not bind", StringComparison.Ordinal))
                throw cluster.ProgramFailed("pg_ctl", result);
        }
    }

    /// <summary>pg_ctl start on this instance's port, waiting until the server accepts connections.</summary>
    private Task<ProcessResult> TryStartServerAsync(CancellationToken cancellationToken) =>
        TryRunServerProgramAsync("pg_ctl", cancellationToken,
            "-D", DataDirectory, "-l", ServerLogPath, "-w", "-t", "60", "-o", ServerOptions(), "start");

    private string ServerOptions()
    {
        var options = new List<string> { $"-p {Port}", "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''" };
        options.AddRange((_settings ?? new Dictionary<string, string>()).Select(s => $"-c {s.Key}={s.Value}"));
        return string.Join(' ', options);
    }

    private static async Task InitializeAsync(string binDirectory, string dataDirectory, bool asServiceAccount, CancellationToken cancellationToken)
    {
        var initializer = new PostgresCluster(dataDirectory, binDirectory, asServiceAccount, port: 0, settings: null, ownership: null);
        await initializer.RunServerProgramAsync("initdb", cancellationToken,
            "-D", dataDirectory, "-U", SuperUser, "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync");
    }

    private static async Task<bool> IsRunningAsync(string binDirectory, string dataDirectory, bool asServiceAccount, CancellationToken cancellationToken)
    {
        var probe = new PostgresCluster(dataDirectory, binDirectory, asServiceAccount, port: 0, settings: null, ownership: null);
        var result = await probe.TryRunServerProgramAsync("pg_ctl", cancellationToken, "-D", dataDirectory, "status");
        return result.ExitCode == 0;
    }

    /// <summary>The port recorded by a server that may still be running (line 4 of postmaster.pid).</summary>
    private static int? RunningPort(string dataDirectory) => PidFileLine(dataDirectory, 3);

    /// <summary>The postmaster's process id recorded by a server that may still be running (line 1 of postmaster.pid).</summary>
    private static int? RunningPid(string dataDirectory) => PidFileLine(dataDirectory, 0);

    private static int? PidFileLine(string dataDirectory, int index)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(dataDirectory, "postmaster.pid"));
            return lines.Length > index && int.TryParse(lines[index], out var value) ? value : null;
        }
        catch (IOException)
        {
            return null; // no pid file: the server is not running (or is between its start and its pid file)
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Whether the server can reach <paramref name="dataDirectory"/>. Run by root, it runs as the <c>postgres</c> account,
    /// which must be able to search every folder above the data folder (a clone under /root, or in a folder made by
    /// <c>mktemp -d</c>, is out of its reach). The data folder itself is given to that account when the cluster starts.
    /// </summary>
    public static async Task<bool> IsReachableByServerAsync(string dataDirectory, CancellationToken cancellationToken = default)
    {
        if (!Environment.IsPrivilegedProcess)
            return true;
        var above = Path.GetDirectoryName(Path.GetFullPath(dataDirectory)) ?? "/";
        while (!Directory.Exists(above))
            above = Path.GetDirectoryName(above) ?? "/";
        var search = await RunAsync("runuser", ["-u", ServiceAccount, "--", "test", "-x", above], cancellationToken);
        return search.ExitCode == 0;
    }

    private static async Task GiveToServiceAccountAsync(string dataDirectory, CancellationToken cancellationToken)
    {
        var result = await RunAsync("chown", ["-R", $"{ServiceAccount}:", dataDirectory], cancellationToken);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"Running as root, the cluster folder must belong to the '{ServiceAccount}' user, and chown failed: {result.Output}");
        var access = await RunAsync("runuser", ["-u", ServiceAccount, "--", "test", "-w", dataDirectory], cancellationToken);
        if (access.ExitCode != 0)
            throw new InvalidOperationException(
                $"The '{ServiceAccount}' user cannot reach {dataDirectory}: every parent folder must be searchable by it (chmod o+x), or choose another data folder.");
    }

    private async Task RunServerProgramAsync(string program, CancellationToken cancellationToken, params string[] arguments)
    {
        var result = await TryRunServerProgramAsync(program, cancellationToken, arguments);
        if (result.ExitCode != 0)
            throw ProgramFailed(program, result);
    }

    private InvalidOperationException ProgramFailed(string program, ProcessResult result) =>
        new($"{program} failed with exit code {result.ExitCode}: {result.Output}{ServerLogTail()}");

    private Task<ProcessResult> TryRunServerProgramAsync(string program, CancellationToken cancellationToken, params string[] arguments)
    {
        var executable = Path.Combine(_binDirectory, program);
        return _asServiceAccount
            ? RunAsync("runuser", ["-u", ServiceAccount, "--", executable, .. arguments], cancellationToken)
            : RunAsync(executable, arguments, cancellationToken);
    }

    /// <summary>The server's own log (pg_ctl appends to it on every start).</summary>
    public string ServerLogPath => Path.Combine(DataDirectory, "server.log");

    private string ServerLogTail() =>
        File.Exists(ServerLogPath) ? "\nserver log:\n" + string.Join('\n', File.ReadLines(ServerLogPath).TakeLast(20)) : "";

    private long ServerLogLength() => File.Exists(ServerLogPath) ? new FileInfo(ServerLogPath).Length : 0;

    /// <summary>What the server logged after <paramref name="offset"/> (pg_ctl appends to the log on every start).</summary>
    private string ServerLogSince(long offset)
    {
        if (!File.Exists(ServerLogPath))
            return "";
        using var log = new FileStream(ServerLogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        log.Seek(Math.Min(offset, log.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(log);
        return reader.ReadToEnd();
    }

    private static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ProcessResult(process.ExitCode, (await output) + (await error));
    }

    private sealed record ProcessResult(int ExitCode, string Output);
}
