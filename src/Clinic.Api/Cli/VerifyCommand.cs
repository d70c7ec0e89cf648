using System.Text.Json;
using Clinic.Api.Integrity;
using JasperFx.CommandLine;

namespace Clinic.Api.Cli;

public class VerifyInput : ClinicInput
{
    [Description("Only this clinic")]
    public string? ClinicFlag { get; set; }

    [Description("A checkpoint exported earlier (GET /api/integrity/checkpoints/latest), which the database must still hold: checks its clinic")]
    public string? CheckpointFlag { get; set; }
}

/// <summary>
/// <c>verify [--clinic C] [--checkpoint FILE]</c>: checks every event of every clinic (or one) against its hash chain and
/// the signed checkpoints, and prints each clinic's report as JSON, one line each; fails when one is not verified.
/// </summary>
[Description("Check the events against their hash chain and the signed checkpoints", Name = "verify")]
public class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override Task<bool> Execute(VerifyInput input) =>
        input.OnStartedApplicationAsync(async app =>
        {
            var exported = input.CheckpointFlag is { } file
                ? JsonSerializer.Deserialize<ExportedCheckpoint>(await File.ReadAllTextAsync(file), Json) ?? throw new InvalidOperationException($"{file} holds no checkpoint.")
                : null;
            var clinics = (input.ClinicFlag ?? exported?.Clinic) is { } one ? [one] : await app.Services.GetRequiredService<CheckpointStore>().ClinicsAsync(CancellationToken.None);
            var verifier = app.Services.GetRequiredService<IntegrityVerifier>();
            var verified = true;
            foreach (var clinic in clinics)
            {
                var report = await verifier.VerifyAsync(clinic, exported?.Clinic == clinic ? exported : null, CancellationToken.None);
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
                verified &= report.Verified;
            }
            return verified;
        });
}
