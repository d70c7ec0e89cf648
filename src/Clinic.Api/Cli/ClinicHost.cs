using Clinic.Api.Hosting;
using JasperFx;

namespace Clinic.Api.Cli;

/// <summary>
/// The API's entry point: serves HTTP, or runs one administrative verb and exits. The clinic's own verbs are below;
/// every other verb is JasperFx's command line, which Marten and Wolverine ship (<c>db-apply</c>, <c>db-assert</c>,
/// <c>codegen</c>, <c>resources</c>, <c>describe</c>...), run on the application as the server builds it.
/// </summary>
public static class ClinicHost
{
    private const string Usage = """
        Usage: dotnet run --project src/Clinic.Api [-- <verb> [options]] [host options]
          (no verb)                                     serve the HTTP API
          dev-token --user U --role R --clinic C [--hours H]   print a development bearer token
          rebuild <projection>|--all                    rebuild projections from the events
          projections                                   list projections and how far behind they are
          dead-letters [--clinic C] [--replay ID | --replay-all]   list or replay messages that failed every attempt
          seed-demo [--clinic C]                        fill an empty clinic (default demo-clinic) with demo patients
        JasperFx's verbs, from Marten and Wolverine (`help` lists them all below):
          db-apply | db-assert                          create or check every table, function and trigger of the schema
          codegen write | codegen preview               write (or show) Wolverine's handler code ahead of a production start
          resources                                     check or set up Wolverine's storage
          describe                                      the application's Marten and Wolverine configuration
        Host options configure as usual, e.g. --urls http://127.0.0.1:5080 --ConnectionStrings:Clinic="Host=...".
        """;

    private static readonly HashSet<string> ClinicVerbs = ["dev-token", "rebuild", "projections", "dead-letters", "seed-demo"];

    private static readonly string[] VerbOptions = [.. DevTokenCommand.Options, .. RebuildCommand.Options, .. DeadLettersCommand.Options];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken cancellationToken = default)
    {
        var command = CommandLine.Parse(args, VerbOptions);
        try
        {
            if (command.Verb is null)
            {
                await using var app = await ClinicApp.CreateAsync(command.HostArguments);
                await app.RunAsync();
                return 0;
            }
            if (!ClinicVerbs.Contains(command.Verb))
                return await RunJasperFxVerbAsync(command, output);
            var builder = WebApplication.CreateBuilder(command.HostArguments);
            return command.Verb switch
            {
                "dev-token" => DevTokenCommand.Run(command, builder, output),
                "rebuild" => await RebuildCommand.RunAsync(command, builder, output, cancellationToken),
                "projections" => await ProjectionsCommand.RunAsync(builder, output, cancellationToken),
                "dead-letters" => await DeadLettersCommand.RunAsync(command, output, cancellationToken),
                "seed-demo" => await Demo.SeedDemoCommand.RunAsync(command, output, errors, cancellationToken),
                _ => throw new InvalidOperationException($"No runner for the verb '{command.Verb}'."),
            };
        }
        catch (CommandLineException wrongUse)
        {
            return Print(errors, $"{wrongUse.Message}\n{Usage}", 2);
        }
    }

    /// <summary>A JasperFx verb (or <c>help</c>, which prints the clinic's verbs first) on the application, built but not started.</summary>
    private static async Task<int> RunJasperFxVerbAsync(CommandLine command, TextWriter output)
    {
        if (command.Verb == "help")
            output.WriteLine(Usage);
        await using var app = await ClinicApp.CreateAsync(command.HostArguments, applySchema: false);
        // The app is not started, so its lifetime service will not close the database: it is closed here.
        await using var services = app.Services.GetRequiredService<ClinicServices>();
        return await app.RunJasperFxCommands([command.Verb!, .. command.Positional]);
    }

    private static int Print(TextWriter writer, string text, int exitCode)
    {
        writer.WriteLine(text);
        return exitCode;
    }
}
