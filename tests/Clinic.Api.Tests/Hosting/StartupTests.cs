using Clinic.Api.Hosting;
using Clinic.Testing;
using Microsoft.Extensions.Configuration;

namespace Clinic.Api.Tests.Hosting;

/// <summary>What the API checks before it serves anything: a misconfigured API refuses to start rather than answer 500s.</summary>
public class StartupTests
{
    [Fact]
    public async Task Outside_development_the_api_refuses_to_start_without_a_token_signing_authority()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => StartInProductionAsync());

        refused.Message.ShouldContain("Auth:Authority");
        refused.Message.ShouldContain("Auth:SigningKey");
    }

    [Fact]
    public async Task A_signing_key_shorter_than_32_characters_is_refused_at_start()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => StartInProductionAsync(("Auth:SigningKey", "too-short")));

        refused.Message.ShouldContain("at least 32 characters");
    }

    private static async Task StartInProductionAsync(params (string Key, string Value)[] auth)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Clinic"] = await TestDatabase.ConnectionStringAsync(),
            ["Clinic:Schema"] = TestDatabase.UniqueSchema(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in auth)
            settings[key] = value;
        await using var app = await ClinicApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--environment", "Production"],
            builder => builder.Configuration.AddInMemoryCollection(settings));
    }
}
