using JasperFx.CommandLine;

namespace Clinic.Api.Cli;

/// <summary>The input of the clinic's verbs: JasperFx's host flags (<c>--environment</c>, <c>--config:Key value</c>...) and the application they configure.</summary>
public class ClinicInput : NetCoreInput
{
    /// <summary>The application's configuration and environment, without its database.</summary>
    internal WebApplicationBuilder ConfigurationOnly()
    {
        ApplyHostBuilderInput();
        return Host.ConfigurationOnly();
    }

    /// <summary>Runs <paramref name="verb"/> on the application started as the server starts it, then stops it.</summary>
    internal async Task<bool> OnStartedApplicationAsync(Func<WebApplication, Task<bool>> verb)
    {
        ApplyHostBuilderInput();
        await using var app = await Host.StartForVerbAsync();
        try
        {
            return await verb(app);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private ClinicHostBuilder Host => (ClinicHostBuilder)HostBuilder;
}
