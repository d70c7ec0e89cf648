using Clinic.Api.History;
using Clinic.Api.Practitioners;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Lots;

/// <summary>Who received a lot: each patient, first treated first, with every performed session that used it.</summary>
public sealed record LotRecipientsResponse(string LotNumber, IReadOnlyList<LotRecipient> Recipients)
{
    /// <summary>
    /// The answer from the sessions that used the lot (in the order performed) and what is read of the patients and
    /// practitioners they name: patients' identities and side effects from their histories, practitioners' names
    /// from their calendars, each matched within its own clinic.
    /// </summary>
    public static LotRecipientsResponse From(
        string lotNumber, IReadOnlyList<SessionProducts> sessions, IReadOnlyList<PatientHistory> histories, IReadOnlyList<PractitionerCalendar> calendars)
    {
        var patients = histories.ToDictionary(h => (h.Record.ClinicId, h.Id), h => h.Record);
        var practitioners = calendars.ToDictionary(c => (c.Practitioner.ClinicId, c.Id), c => c.Practitioner.Details?.Name);
        var recipients = sessions
            .GroupBy(s => (s.ClinicId, s.PatientId))
            .Select(treated =>
            {
                var patient = patients.GetValueOrDefault(treated.Key);
                return new LotRecipient(treated.Key.ClinicId, treated.Key.PatientId, patient?.Details,
                    treated.Select(s => RecipientSession.Of(s, practitioners.GetValueOrDefault((s.ClinicId, s.PractitionerId)), patient)).ToList());
            })
            .ToList();
        return new LotRecipientsResponse(lotNumber, recipients);
    }
}

/// <summary>A patient who received the lot; <see cref="Identity"/> is her name and contacts, to reach her.</summary>
public sealed record LotRecipient(string ClinicId, Guid PatientId, PatientDetails? Identity, IReadOnlyList<RecipientSession> Sessions);

/// <summary>
/// A performed session that used the lot: every product it used (the lot among them), and each side effect of the
/// patient with an onset at or after the session, or that names it.
/// </summary>
public sealed record RecipientSession(
    Guid SessionId, DateTimeOffset PerformedAt, Guid PractitionerId, string? PractitionerName, IReadOnlyList<TreatmentArea> Areas,
    IReadOnlyList<ProductUsed> Products, IReadOnlyList<SideEffect> SideEffectsAfter)
{
    public static RecipientSession Of(SessionProducts session, string? practitionerName, PatientState? patient) => new(
        session.Id, session.PerformedAt, session.PractitionerId, practitionerName, session.Areas, session.Products,
        patient?.SideEffects.Where(s => s.Details.OnsetAt >= session.PerformedAt || s.Details.SessionId == session.Id).ToList() ?? []);
}
