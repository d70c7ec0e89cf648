using System.Net.Http.Headers;
using Clinic.Api.Auth;
using Clinic.Api.Hosting;
using Clinic.Testing;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// The real API, served by Kestrel on a free loopback port, on the test PostgreSQL server in a schema of
/// its own, with tokens signed by a test key and a clock tests can move. Requests go through the whole HTTP pipeline.
/// </summary>
public class ApiHost : IAsyncLifetime
{
    public const string SigningKey = "clinic-api-tests-signing-key-0123456789abcdef";

    /// <summary>The ECDSA P-256 key (base64 PKCS#8) that signs the tests' checkpoints.</summary>
    public const string CheckpointKey =
        "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgWnc2hDvQNs/b0uCOcTavI/pxc9akvxgc+g/5tqjXbeKhRANCAATPF6lME39yPqOv+mc5gSbVXnybwcRhfMiTCV7wjIg3hIujiCj+NrJ4U6c8KxGVG4KfvYhaUYOjwtkShMZDzTeN";

    private WebApplication? _app;

    public string Schema { get; } = TestDatabase.UniqueSchema();
    public string ConnectionString { get; private set; } = "";
    public Uri BaseAddress { get; private set; } = null!;
    public IServiceProvider Services => _app!.Services;
    public TestClock Clock { get; } = new();

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestDatabase.ConnectionStringAsync();
        _app = await ClinicApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--environment", EnvironmentName], builder =>
        {
            builder.Configuration.AddInMemoryCollection(Settings());
            builder.Services.AddSingleton<TimeProvider>(Clock);
            Configure(builder);
        });
        await _app.StartAsync();
        BaseAddress = new Uri(_app.Urls.First());
    }

    /// <summary>Stops the host as a server stops (the daemon, Wolverine's agents, then the database connections), and disposes it.</summary>
    public virtual async Task DisposeAsync()
    {
        if (_app is null)
            return;
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The configuration this host runs with, for CLI verbs that must use the same database and schema.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Clinic"] = ConnectionString,
            ["Clinic:Schema"] = Schema,
            ["Auth:SigningKey"] = SigningKey,
            ["Integrity:SigningKey"] = CheckpointKey,
            ["Fhir:SystemBase"] = FhirSystemBase,
            ["Logging:LogLevel:Default"] = "Warning",
            ["Messaging:ScheduledPollInterval"] = "00:00:00.100",
            ["Messaging:FirstRetryDelay"] = "00:00:00.100",
            ["Messaging:DurabilityMode"] = "Solo",
        };
        foreach (var (key, value) in ExtraSettings())
            settings[key] = value;
        return settings;
    }

    /// <summary>The hosting environment: Testing, unless a derived host runs as a developer would.</summary>
    protected virtual string EnvironmentName => "Testing";

    public const string FhirSystemBase = "https://fhir.clinic-tests.test/fhir";

    /// <summary>What a derived host configures on top (webhooks, messaging limits...).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => [];

    /// <summary>What a derived host changes in the application before it is built (another clock, a logger...).</summary>
    protected virtual void Configure(WebApplicationBuilder builder)
    {
    }

    /// <summary><see cref="Settings"/> as JasperFx's configuration flags (<c>--config:Key=value</c>), for CLI verbs.</summary>
    public string[] CliArguments() => Settings().Select(setting => $"--config:{setting.Key}={setting.Value}").ToArray();

    /// <summary>
    /// A client whose requests carry a token for <paramref name="role"/> at <paramref name="clinic"/>. With
    /// <c>Expect: 100-continue</c> it waits for the server's word before sending a body, however busy the machine, so
    /// that a body the server refuses unread (413) is never sent into a closed connection.
    /// </summary>
    public HttpClient Client(string role, string clinic, string? user = null) => Client(role, TokenClinics.One(clinic), user);

    /// <summary>A client whose token names its clinics as <paramref name="clinics"/> says (a regulator's several, or a jurisdiction).</summary>
    public HttpClient Client(string role, TokenClinics clinics, string? user = null) => WithToken(Token(role, clinics, user ?? $"{role}-user"));

    /// <summary>
    /// A client whose token carries the user's printed name and was issued at <paramref name="issuedAt"/>: what a signature
    /// needs (the API's clock judges the token fresh, so tests issue it by that clock).
    /// </summary>
    public HttpClient SigningClient(string role, string clinic, string user, string? name, DateTimeOffset issuedAt) =>
        WithToken(TokenIssuer.Issue(new AuthSettings(), SigningKey, user, role, clinic, TimeSpan.FromHours(1), name, issuedAt));

    /// <summary>A client whose requests carry <paramref name="token"/>.</summary>
    public HttpClient WithToken(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient AnonymousClient() => new() { BaseAddress = BaseAddress };

    public static string Token(string role, string clinic, string user) => Token(role, TokenClinics.One(clinic), user);

    public static string Token(string role, TokenClinics clinics, string user) =>
        TokenIssuer.Issue(new AuthSettings(), SigningKey, user, role, clinics, TimeSpan.FromHours(1));

    /// <summary>A token signed with the test key whose claims are <paramref name="claims"/> as written: JSON members, comma-separated.</summary>
    public static string RawToken(string claims) =>
        new JsonWebTokenHandler().CreateToken(
            $$"""{"iss":"clinic","aud":"clinic-api","exp":{{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}},{{claims}}}""",
            new SigningCredentials(TokenIssuer.SecurityKey(SigningKey), SecurityAlgorithms.HmacSha256));

    /// <summary>The host's Marten store, for tests that look beneath the API.</summary>
    public IDocumentStore Store() => Services.GetRequiredService<IDocumentStore>();

    /// <summary>How many events the store holds, in every clinic.</summary>
    public async Task<int> EventCountAsync()
    {
        await using var session = Store().QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.AnyTenant()).CountAsync();
    }

    /// <summary>Waits until the async projections hold every event written so far (Marten's wait refuses a store with none).</summary>
    public virtual async Task WaitForProjectionsAsync()
    {
        if (await EventCountAsync() > 0)
            await Store().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
    }
}
