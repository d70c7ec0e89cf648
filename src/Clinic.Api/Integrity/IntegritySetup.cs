using Clinic.Api.Hosting;

namespace Clinic.Api.Integrity;

internal static class IntegritySetup
{
    public static void AddClinicIntegrity(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(IntegritySettings.Section).Get<IntegritySettings>() ?? new IntegritySettings();
        builder.Services.AddSingleton(settings);
        // Read now, not at the first checkpoint: a misconfigured API refuses to start.
        builder.Services.AddSingleton(CheckpointSigner.From(settings, builder.Environment));
        builder.Services.AddSingleton(provider =>
        {
            var services = provider.GetRequiredService<ClinicServices>();
            return new IntegrityDatabase(services.DataSource, services.Schema);
        });
        builder.Services.AddSingleton<CheckpointStore>();
        builder.Services.AddSingleton<IntegrityVerifier>();
        builder.Services.AddHostedService<CheckpointSchedule>();
    }
}
