using Clinic.Api.History;
using Clinic.Api.Practitioners;
using Marten;

namespace Clinic.Api.Lots;

/// <summary>The reads of a lot recall, over every clinic the caller may read (Marten's tenants).</summary>
internal static class LotRecall
{
    /// <summary>
    /// The performed sessions of <paramref name="clinicIds"/> that used <paramref name="lotNumber"/>, as their records
    /// now stand, in the order performed. The lot is matched exactly, as recorded (as the dashboard counts lots), through
    /// the GIN index on the documents' products.
    /// </summary>
    public static async Task<IReadOnlyList<SessionProducts>> SessionsUsingAsync(
        this IQuerySession session, string lotNumber, string[] clinicIds, CancellationToken cancellationToken) =>
        await session.Query<SessionProducts>()
            .Where(s => s.TenantIsOneOf(clinicIds) && s.Products.Any(p => p.LotNumber == lotNumber))
            .OrderBy(s => s.PerformedAt)
            .ToListAsync(cancellationToken);

    /// <summary>The histories of the sessions' patients and the calendars of their practitioners, in one round trip.</summary>
    public static async Task<LotRecipientsResponse> RecipientsAsync(
        this IQuerySession session, string lotNumber, IReadOnlyList<SessionProducts> sessions, string[] clinicIds, CancellationToken cancellationToken)
    {
        var patientIds = sessions.Select(s => s.PatientId).Distinct().ToArray();
        var practitionerIds = sessions.Select(s => s.PractitionerId).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var histories = batch.Query<PatientHistory>().Where(h => h.TenantIsOneOf(clinicIds) && h.Id.IsOneOf(patientIds)).ToList();
        var calendars = batch.Query<PractitionerCalendar>().Where(c => c.TenantIsOneOf(clinicIds) && c.Id.IsOneOf(practitionerIds)).ToList();
        await batch.Execute(cancellationToken);
        return LotRecipientsResponse.From(lotNumber, sessions, await histories, await calendars);
    }
}
