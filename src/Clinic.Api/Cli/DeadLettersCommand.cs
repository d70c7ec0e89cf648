using Clinic.Api.DeadLetters;
using JasperFx.CommandLine;

namespace Clinic.Api.Cli;

public class DeadLettersInput : ClinicInput
{
    [Description("Only the dead letters of this clinic")]
    public string? ClinicFlag { get; set; }

    [Description("Replay the dead letter with this id")]
    public string? ReplayFlag { get; set; }

    [Description("Replay every dead letter (of the clinic, with --clinic)")]
    public bool ReplayAllFlag { get; set; }
}

/// <summary>
/// <c>dead-letters [--clinic C] [--replay ID | --replay-all]</c>: lists messages that failed every attempt (with
/// their last error, as kept in the database), or replays them.
/// </summary>
[Description("List the messages that failed every attempt, or replay them", Name = "dead-letters")]
public class DeadLettersCommand : JasperFxAsyncCommand<DeadLettersInput>
{
    private const int ListLimit = 1000;

    public override Task<bool> Execute(DeadLettersInput input) =>
        input.OnStartedApplicationAsync(app =>
        {
            var deadLetters = app.Services.GetRequiredService<ClinicDeadLetters>();
            return input.ReplayFlag is { } id ? ReplayAsync(deadLetters, id, input.ClinicFlag)
                : input.ReplayAllFlag ? ReplayAllAsync(deadLetters, input.ClinicFlag)
                : ListAsync(deadLetters, input.ClinicFlag);
        });

    private static async Task<bool> ReplayAsync(ClinicDeadLetters deadLetters, string id, string? clinic)
    {
        var replayed = Guid.TryParse(id, out var letterId) && await deadLetters.ReplayAsync(letterId, clinic, CancellationToken.None);
        Console.WriteLine(replayed ? $"Replayed {id}." : $"No dead letter {id} to replay{(clinic is null ? "" : $" in {clinic}")}.");
        return replayed;
    }

    private static async Task<bool> ReplayAllAsync(ClinicDeadLetters deadLetters, string? clinic)
    {
        Console.WriteLine($"Replayed {await deadLetters.ReplayAllAsync(clinic, CancellationToken.None)} dead letters.");
        return true;
    }

    private static async Task<bool> ListAsync(ClinicDeadLetters deadLetters, string? clinic)
    {
        var letters = await deadLetters.ListAsync(clinic, ListLimit, CancellationToken.None);
        foreach (var letter in letters)
            Console.WriteLine($"{letter.Id}  {letter.TenantId}  {letter.Type}  failed {letter.FailedAt:u} after {letter.Attempts} attempts: {letter.LastError}");
        Console.WriteLine(letters.Count == ListLimit ? $"The first {ListLimit} dead letters." : $"{letters.Count} dead letters.");
        return true;
    }
}
