using System.Net.Http.Headers;
using Clinic.Api.Auth;

namespace Clinic.Benchmarks.Http;

/// <summary>
/// The real API in a process of its own (as a server runs it: production settings, its own runtime and thread pool,
/// the clients in the benchmark's process), on a free loopback port, in a fresh schema of the benchmark's server (or a
/// given one, with the clinic its clients work at). The
/// projection daemon is off: this measures the command path (the daemon has a workload of its own); Wolverine's
/// agents run as in production.
/// </summary>
public sealed class BenchApi : IAsyncDisposable
{
    public const string Clinic = "bench-clinic";
    public const string SigningKey = "clinic-benchmark-signing-key-0123456789abcdef";

    /// <summary>The ECDSA P-256 key (base64 PKCS#8) that signs the benchmark API's checkpoints.</summary>
    public const string CheckpointKey =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5L8O1s+cbhv7D+yi5sXdfEz6OuHvMiBSRplkTX10JzGhRANCAARGYt36mGLyPi5KvNRbJoVDd16UGfEEEliCXeDXtq2ym4tdHsyIkE6kqEDXmywimFqJqX5nZwANLxQ/AxjmKRUL";

    private readonly ApiProcess _api;

    private readonly string _clinic;

    private BenchApi(ApiProcess api, string schema, string clinic)
    {
        _api = api;
        Schema = schema;
        _clinic = clinic;
        BaseAddress = api.BaseAddress;
    }

    public string Schema { get; }

    /// <summary>The CPU time the API process has used so far.</summary>
    public TimeSpan ProcessorTime => _api.ProcessorTime;
    public Uri BaseAddress { get; }

    public static Task<BenchApi> StartAsync(BenchContext context) => StartAsync(context, "bench_" + Guid.NewGuid().ToString("N")[..16], Clinic);

    /// <summary>The API on <paramref name="schema"/> (new or filled), its clients working at <paramref name="clinic"/>.</summary>
    public static async Task<BenchApi> StartAsync(BenchContext context, string schema, string clinic)
    {
        var (api, _) = await ApiProcess.StartAsync(context, schema, "--config:Clinic:RunDaemon=false");
        return new BenchApi(api, schema, clinic);
    }

    /// <summary>A client whose requests carry a token for <paramref name="role"/> at the API's clinic.</summary>
    public HttpClient Client(string role, string user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var token = TokenIssuer.Issue(new AuthSettings(), SigningKey, user, role, _clinic, TimeSpan.FromHours(4));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public ValueTask DisposeAsync() => _api.DisposeAsync();
}
