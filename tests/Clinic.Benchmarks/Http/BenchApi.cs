using System.Net.Http.Headers;
using Clinic.Api.Auth;
using Clinic.Api.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Clinic.Benchmarks.Http;

/// <summary>
/// The real API on Kestrel, on a free loopback port, in a fresh schema of the benchmark's server. The
/// projection daemon is off: this measures the command path (the daemon has a workload of its own); Wolverine's
/// agents run as in production.
/// </summary>
public sealed class BenchApi : IAsyncDisposable
{
    public const string Clinic = "bench-clinic";
    public const string SigningKey = "clinic-benchmark-signing-key-0123456789abcdef";

    private readonly WebApplication _app;

    private BenchApi(WebApplication app, string schema)
    {
        _app = app;
        Schema = schema;
        BaseAddress = new Uri(app.Urls.First());
    }

    public string Schema { get; }
    public Uri BaseAddress { get; }

    public static async Task<BenchApi> StartAsync(BenchContext context)
    {
        var schema = "bench_" + Guid.NewGuid().ToString("N")[..16];
        var app = await ClinicApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--environment", "Production"], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Clinic"] = context.ConnectionString,
                ["Clinic:Schema"] = schema,
                ["Clinic:RunDaemon"] = "false",
                ["Auth:SigningKey"] = SigningKey,
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        await app.StartAsync(context.Cancellation);
        return new BenchApi(app, schema);
    }

    /// <summary>A client whose requests carry a token for <paramref name="role"/> at the benchmark's clinic.</summary>
    public HttpClient Client(string role, string user)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        var token = TokenIssuer.Issue(new AuthSettings(), SigningKey, user, role, Clinic, TimeSpan.FromHours(4));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
