using Clinic.Api.Hosting;
using Clinic.Api.Tests.Support;
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

    [Fact]
    public async Task Outside_development_the_api_refuses_to_start_without_a_checkpoint_signing_key()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => StartInProductionAsync(("Auth:SigningKey", ApiHost.SigningKey)));

        refused.Message.ShouldContain("Integrity:SigningKey");
    }

    [Fact]
    public async Task A_checkpoint_signing_key_that_is_not_ecdsa_p256_is_refused_at_start()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() =>
            StartInProductionAsync(("Auth:SigningKey", ApiHost.SigningKey), ("Integrity:SigningKey", "bm90IGEga2V5")));

        refused.Message.ShouldContain("Integrity:SigningKey is not an ECDSA P-256 key");
    }

    [Fact]
    public async Task Outside_development_the_api_refuses_to_start_without_a_fhir_system_base()
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => StartInProductionAsync(
            ("Auth:SigningKey", ApiHost.SigningKey), ("Integrity:SigningKey", ApiHost.CheckpointKey), ("Fhir:SystemBase", null)));

        refused.Message.ShouldContain("Fhir:SystemBase");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("61")]
    public async Task A_fresh_token_window_outside_1_to_60_minutes_is_refused_at_start(string freshTokenMinutes)
    {
        var refused = await Should.ThrowAsync<InvalidOperationException>(() => StartInProductionAsync(
            ("Auth:SigningKey", ApiHost.SigningKey), ("Integrity:SigningKey", ApiHost.CheckpointKey), ("Signing:FreshTokenMinutes", freshTokenMinutes)));

        refused.Message.ShouldContain("Signing:FreshTokenMinutes must be from 1 to 60");
    }

    private static async Task StartInProductionAsync(params (string Key, string? Value)[] auth)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Clinic"] = await TestDatabase.ConnectionStringAsync(),
            ["Clinic:Schema"] = TestDatabase.UniqueSchema(),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Fhir:SystemBase"] = ApiHost.FhirSystemBase,
        };
        foreach (var (key, value) in auth)
            settings[key] = value;
        await using var app = await ClinicApp.CreateAsync(["--urls", "http://127.0.0.1:0", "--environment", "Production"],
            builder => builder.Configuration.AddInMemoryCollection(settings));
    }
}
