using JasperFx.Core;
using Wolverine.Persistence.Durability;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Runtime;

namespace Clinic.Api.DeadLetters;

/// <summary>
/// A message that failed every attempt, as Wolverine keeps it in its dead-letter table. <see cref="LastError"/> is
/// the type and message of the last exception, kept in the database and shown to the clinic's administrators only.
/// </summary>
public sealed record DeadLetter(Guid Id, string? TenantId, string Type, int Attempts, string LastError, DateTimeOffset FailedAt);

/// <summary>One clinic's view of Wolverine's dead letters: listed, and replayed once the cause is fixed.</summary>
public sealed class ClinicDeadLetters(IWolverineRuntime wolverine)
{
    private const int PageSize = 500;

    private IDeadLetters Letters => wolverine.Storage.DeadLetters;

    /// <summary>The dead letters of <paramref name="clinicId"/> (of every clinic when null), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string? clinicId, int limit, CancellationToken cancellationToken)
    {
        var found = new List<DeadLetter>();
        await foreach (var letter in AllAsync(cancellationToken))
        {
            if (IsDeadIn(letter, clinicId))
                found.Add(Describe(letter));
            if (found.Count == limit)
                break;
        }
        return found;
    }

    /// <summary>Sends the letter again (its attempts start over); false when the clinic has no such letter.</summary>
    public async Task<bool> ReplayAsync(Guid id, string? clinicId, CancellationToken cancellationToken)
    {
        var letter = await Letters.DeadLetterEnvelopeByIdAsync(id);
        if (letter is null || !IsDeadIn(letter, clinicId))
            return false;
        await Letters.ReplayAsync(new DeadLetterEnvelopeQuery([id]), cancellationToken);
        return true;
    }

    public async Task<int> ReplayAllAsync(string? clinicId, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        await foreach (var letter in AllAsync(cancellationToken))
            if (IsDeadIn(letter, clinicId))
                ids.Add(letter.Id);
        foreach (var chunk in ids.Chunk(PageSize))
            await Letters.ReplayAsync(new DeadLetterEnvelopeQuery(chunk), cancellationToken);
        return ids.Count;
    }

    private async IAsyncEnumerable<DeadLetterEnvelope> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var results = await Letters.QueryAsync(new DeadLetterEnvelopeQuery(TimeRange.AllTime()) { PageNumber = page, PageSize = PageSize }, cancellationToken);
            foreach (var letter in results.Envelopes)
                yield return letter;
            if (results.Envelopes.Count < PageSize)
                yield break;
        }
    }

    /// <summary>A letter of the clinic (of any, when null) not replayed yet: Wolverine marks a replayed letter, then moves it back to its queue.</summary>
    private static bool IsDeadIn(DeadLetterEnvelope letter, string? clinicId) =>
        !letter.Replayable && (clinicId is null || letter.Envelope.TenantId == clinicId);

    private static DeadLetter Describe(DeadLetterEnvelope letter) => new(
        letter.Id, letter.Envelope.TenantId, letter.MessageType, letter.Envelope.Attempts,
        $"{letter.ExceptionType}: {letter.ExceptionMessage}", letter.SentAt);
}
