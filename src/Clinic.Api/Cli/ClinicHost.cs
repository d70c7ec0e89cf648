using Clinic.Api.Hosting;

namespace Clinic.Api.Cli;

/// <summary>The API's entry point: serves HTTP, or runs one administrative verb and exits.</summary>
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
        Host options configure as usual, e.g. --urls http://127.0.0.1:5080 --ConnectionStrings:Clinic="Host=...".
        """;

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
            var builder = WebApplication.CreateBuilder(command.HostArguments);
            return command.Verb switch
            {
                "dev-token" => DevTokenCommand.Run(command, builder, output),
                "rebuild" => await RebuildCommand.RunAsync(command, builder, output, cancellationToken),
                "projections" => await ProjectionsCommand.RunAsync(builder, output, cancellationToken),
                "dead-letters" => await DeadLettersCommand.RunAsync(command, output, cancellationToken),
                "seed-demo" => await Demo.SeedDemoCommand.RunAsync(command, output, errors, cancellationToken),
                "help" => Print(output, Usage, 0),
                _ => Print(errors, $"Unknown verb '{command.Verb}'.\n{Usage}", 2),
            };
        }
        catch (CommandLineException wrongUse)
        {
            return Print(errors, $"{wrongUse.Message}\n{Usage}", 2);
        }
    }

    private static int Print(TextWriter writer, string text, int exitCode)
    {
        writer.WriteLine(text);
        return exitCode;
    }
}
