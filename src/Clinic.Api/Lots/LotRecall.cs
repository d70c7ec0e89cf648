using Clinic.Api.History;
using Clinic.Api.Practitioners;
using Clinic.Api.Privacy;
using Marten;

namespace Clinic.Api.Lots;

/// <summary>The reads of a lot recall, over every clinic the caller may read (Marten's tenants).</summary>
public static class LotRecall
{
    /// <summary>
    /// The performed sessions of <paramref name="clinicIds"/> that used <paramref name="lotNumber"/>, as their records
    /// now stand, in the order performed (sessions performed at the same instant by id). The lot is matched exactly, as recorded (as the dashboard counts lots), by
    /// containment in the products, which their GIN index serves.
    /// </summary>
    public static IQueryable<SessionProducts> SessionsUsing(this IQuerySession session, string lotNumber, string[] clinicIds) =>
        session.Query<SessionProducts>()
            .Where(s => s.TenantIsOneOf(clinicIds) && s.Products.Any(p => p.LotNumber == lotNumber))
            .OrderBy(s => s.PerformedAt).ThenBy(s => s.Id);

    /// <summary>
    /// Who received the lot: the sessions that used it, then the histories of their patients and the calendars of
    /// their practitioners in one batch, their patients' keys read before it (three round trips; one when nobody
    /// received it).
    /// </summary>
    public static async Task<LotRecipientsResponse> RecipientsAsync(
        this IQuerySession session, string lotNumber, string[] clinicIds, PersonalKeys keys, CancellationToken cancellationToken)
    {
        var sessions = await session.SessionsUsing(lotNumber, clinicIds).ToListAsync(cancellationToken);
        if (sessions.Count == 0)
            return LotRecipientsResponse.From(lotNumber, sessions, [], []);

        var patientIds = sessions.Select(s => s.PatientId).Distinct().ToArray();
        await keys.PreloadAsync(patientIds, cancellationToken);
        var practitionerIds = sessions.Select(s => s.PractitionerId).Distinct().ToArray();
        var batch = session.CreateBatchQuery();
        var histories = batch.Query<PatientHistory>().Where(h => h.TenantIsOneOf(clinicIds) && h.Id.IsOneOf(patientIds)).ToList();
        var calendars = batch.Query<PractitionerCalendar>().Where(c => c.TenantIsOneOf(clinicIds) && c.Id.IsOneOf(practitionerIds)).ToList();
        await batch.Execute(cancellationToken);
        return LotRecipientsResponse.From(lotNumber, sessions, await histories, await calendars);
    }
}
