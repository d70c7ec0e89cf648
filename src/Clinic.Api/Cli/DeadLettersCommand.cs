using Clinic.Api.DeadLetters;
using Clinic.Api.Hosting;

namespace Clinic.Api.Cli;

/// <summary>
/// <c>dead-letters [--clinic C] [--replay ID | --replay-all]</c>: lists messages that failed every attempt (with
/// their last error, as kept in the database), or replays them.
/// </summary>
internal static class DeadLettersCommand
{
    public static readonly string[] Options = ["clinic", "replay", "replay-all"];

    private const int ListLimit = 1000;

    public static async Task<int> RunAsync(CommandLine command, TextWriter output, CancellationToken cancellationToken)
    {
        await using var app = await ClinicApp.StartForVerbAsync(command.HostArguments);
        var deadLetters = app.Services.GetRequiredService<ClinicDeadLetters>();
        var clinic = command.Options.GetValueOrDefault("clinic");

        if (command.Options.TryGetValue("replay", out var id))
        {
            var replayed = Guid.TryParse(id, out var letterId) && await deadLetters.ReplayAsync(letterId, clinic, cancellationToken);
            output.WriteLine(replayed ? $"Replayed {id}." : $"No dead letter {id} to replay{(clinic is null ? "" : $" in {clinic}")}.");
            return replayed ? 0 : 1;
        }
        if (command.Options.ContainsKey("replay-all"))
        {
            output.WriteLine($"Replayed {await deadLetters.ReplayAllAsync(clinic, cancellationToken)} dead letters.");
            return 0;
        }
        var letters = await deadLetters.ListAsync(clinic, ListLimit, cancellationToken);
        foreach (var letter in letters)
            output.WriteLine($"{letter.Id}  {letter.TenantId}  {letter.Type}  failed {letter.FailedAt:u} after {letter.Attempts} attempts: {letter.LastError}");
        output.WriteLine(letters.Count == ListLimit ? $"The first {ListLimit} dead letters." : $"{letters.Count} dead letters.");
        return 0;
    }
}
