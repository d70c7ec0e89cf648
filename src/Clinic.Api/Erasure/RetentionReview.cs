using Clinic.Api.Commands;
using Clinic.Api.History;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Erasure;
using Marten;
using Wolverine;

namespace Clinic.Api.Erasure;

/// <summary>A patient not erased, as the retention review reads her: dates only, never a personal value (nothing to open).</summary>
public sealed record RetentionCandidate(Guid PatientId, string ClinicId, DateTimeOffset? RegisteredAt, DateOnly? LastTreatedOn, DateOnly? RetentionEndedOn)
{
    /// <summary>The end of her retention period if it has ended at <paramref name="at"/>.</summary>
    public DateOnly? EndedBy(DateTimeOffset at, ClinicPolicy policy) =>
        RetentionRules.EndsOn(LastTreatedOn, RegisteredAt, policy) is { } endsOn && RetentionRules.HasEnded(endsOn, at) ? endsOn : null;
}

/// <summary>
/// Records, for every patient whose retention period has ended, that it has (<see cref="RetentionPeriodEnded"/>), through
/// the patient decider; it erases nothing: an erasure is a clinic admin's decision.
/// </summary>
public sealed class RetentionReview(IDocumentStore store, IMessageBus bus, TimeProvider clock, ILogger<RetentionReview> logger)
{
    /// <returns>How many patients' retention ends it recorded.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var everyClinic = store.QuerySession();
        var recorded = 0;
        foreach (var clinic in (await CandidatesAsync(everyClinic.Query<PatientHistory>().Where(h => h.AnyTenant()), cancellationToken)).GroupBy(c => c.ClinicId))
        {
            var policy = await PolicyAsync(clinic.Key, cancellationToken);
            foreach (var ended in clinic.Where(c => c.EndedBy(now, policy) is { } endedOn && endedOn != c.RetentionEndedOn))
                if (await RecordAsync(clinic.Key, ended.PatientId, now, policy, cancellationToken))
                    recorded++;
        }
        return recorded;
    }

    /// <summary>
    /// One patient's end recorded; a failure (another node recording it at the same moment, a database error) is logged
    /// by her pseudonymous id and the error's type, and the review goes on with the others: the next run tries her again.
    /// </summary>
    private async Task<bool> RecordAsync(string clinicId, Guid patientId, DateTimeOffset now, ClinicPolicy policy, CancellationToken cancellationToken)
    {
        try
        {
            await bus.InvokeForTenantAsync<CommandResult>(clinicId, new RecordRetentionEnded(patientId, now, policy), cancellationToken);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogWarning("The retention review could not record patient {PatientId}'s end of retention: {Error}", patientId, exception.GetType().Name);
            return false;
        }
    }

    /// <summary>The patients of <paramref name="histories"/> not erased, by their dates alone.</summary>
    public static async Task<IReadOnlyList<RetentionCandidate>> CandidatesAsync(IQueryable<PatientHistory> histories, CancellationToken cancellationToken)
    {
        var rows = await histories.Where(h => h.Record.Erasure == null && h.Record.ClinicId != null)
            .Select(h => new { h.Id, h.Record.ClinicId, h.Record.RegisteredAt, h.Record.LastTreatedOn, h.Record.RetentionEndedOn })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RetentionCandidate(r.Id, r.ClinicId!, r.RegisteredAt, r.LastTreatedOn, r.RetentionEndedOn)).ToList();
    }

    private async Task<ClinicPolicy> PolicyAsync(string clinicId, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession(clinicId);
        return (await session.Events.LoadClinicAsync(clinicId, cancellationToken)).State.Policy;
    }
}
