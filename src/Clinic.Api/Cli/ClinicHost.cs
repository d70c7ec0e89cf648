using JasperFx;

namespace Clinic.Api.Cli;

/// <summary>
/// The API's entry point: JasperFx's command line, which Marten and Wolverine ship. With no verb it serves HTTP (JasperFx's
/// <c>run</c>); its verbs are the clinic's (<c>dev-token</c>, <c>seed-demo</c>, <c>dead-letters</c>,
/// <c>projection-progress</c>, <c>verify</c>) and JasperFx's (<c>projections</c>, <c>db-apply</c>, <c>db-assert</c>, <c>codegen</c>,
/// <c>resources</c>, <c>describe</c>...). <c>help</c> lists them all.
/// </summary>
public static class ClinicHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var application = new ClinicHostBuilder(args);
        return await application.RunJasperFxCommands(args);
    }
}
