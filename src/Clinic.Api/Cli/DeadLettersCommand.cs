using Clinic.Api.Hosting;

namespace Clinic.Api.Cli;

/// <summary><c>dead-letters [--clinic C] [--replay ID | --replay-all]</c>: lists messages that failed every attempt, or replays them.</summary>
internal static class DeadLettersCommand
{
    public static readonly string[] Options = ["clinic", "replay", "replay-all"];

    public static async Task<int> RunAsync(CommandLine command, WebApplicationBuilder builder, TextWriter output, CancellationToken cancellationToken)
    {
        await using var services = await ClinicServices.OpenAsync(builder, cancellationToken);
        var deadLetters = services.Messages.DeadLetters;
        var clinic = command.Options.GetValueOrDefault("clinic");
        var letters = await deadLetters.ListAsync(clinic, limit: 1000, cancellationToken);

        if (command.Options.TryGetValue("replay", out var id))
        {
            var replayed = Guid.TryParse(id, out var letterId) && await deadLetters.ReplayAsync(letterId, clinic, cancellationToken);
            output.WriteLine(replayed ? $"Replayed {id}." : $"No dead letter {id}{(clinic is null ? "" : $" in {clinic}")}.");
            return replayed ? 0 : 1;
        }
        if (command.Options.ContainsKey("replay-all"))
        {
            foreach (var letter in letters)
                await deadLetters.ReplayAsync(letter.Id, clinic, cancellationToken);
            output.WriteLine($"Replayed {letters.Count} dead letters.");
            return 0;
        }
        foreach (var letter in letters)
            output.WriteLine($"{letter.Id}  {letter.TenantId}  {letter.Type}  failed {letter.FailedAt:u} after {letter.Attempts} attempts: {letter.LastError}");
        output.WriteLine($"{letters.Count} dead letters.");
        return 0;
    }
}
