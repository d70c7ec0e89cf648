using System.Text.Json;
using Clinic.Api.AllergyTests;
using Clinic.Api.Consent;
using Clinic.Api.Patients;
using Clinic.Api.Practitioners;
using Clinic.Api.Screening;
using Clinic.Api.Sessions;
using Clinic.Api.SideEffects;
using Clinic.Api.TreatmentPlans;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;
using JasperFx.Events;

namespace Clinic.Api.Corrections;

/// <summary>
/// Which correction command corrects the fact a stored event recorded, with the corrected values read in
/// the shape of the request that recorded it. Null when the event records nothing correctable.
/// </summary>
internal static class CorrectionCommands
{
    public static IPatientCommand? ForPatient(CorrectRecord c, IEvent original, CorrectionCaller caller, JsonSerializerOptions json) => original.Data switch
    {
        PatientRegistered or PatientDetailsCorrected =>
            new CorrectPatientDetails(c.StreamId, c.EventId, c.Reason, Read<PatientRequest>(c, json).ToDetails(), c.RecordedAt),
        PatientScreened e => Screening(c, e.ScreeningId, json),
        ScreeningCorrected e => Screening(c, e.ScreeningId, json),
        ConsentRecorded e => new CorrectConsent(c.StreamId, c.EventId, c.Reason, e.ConsentId, Read<ConsentRequest>(c, json).ToTerms(), c.RecordedAt),
        ConsentCorrected e => new CorrectConsent(c.StreamId, c.EventId, c.Reason, e.ConsentId, Read<ConsentRequest>(c, json).ToTerms(), c.RecordedAt),
        AllergyTestApplied e => Application(c, e.TestId, json),
        AllergyTestApplicationCorrected e => Application(c, e.TestId, json),
        AllergyTestRead e => Reading(c, e.TestId, json),
        AllergyTestReadingCorrected e => Reading(c, e.TestId, json),
        TreatmentPlanCreated e => Plan(c, e.PlanId, caller.ClinicianId, json),
        TreatmentPlanCorrected e => Plan(c, e.PlanId, caller.ClinicianId, json),
        SessionPerformed e => SessionRecord(c, e.SessionId, e.Treatment, caller, json),
        SessionRecordCorrected e => SessionRecord(c, e.SessionId, e.Treatment, caller, json),
        SessionMarkedNoShow e => new RetractNoShow(c.StreamId, c.EventId, c.Reason, e.SessionId, c.Policy),
        SideEffectReported e => SideEffect(c, e.SideEffectId, e.Details.AwareAt, caller.ClinicianId, json),
        SideEffectCorrected e => SideEffect(c, e.SideEffectId, e.Details.AwareAt, caller.ClinicianId, json),
        SideEffectResolved e => Resolution(c, e.SideEffectId, json),
        SideEffectResolutionCorrected e => Resolution(c, e.SideEffectId, json),
        SideEffectReviewed e => Review(c, e.SideEffectId, json),
        SideEffectReviewCorrected e => Review(c, e.SideEffectId, json),
        RegulatorNotified e => Notification(c, e.SideEffectId, e.NotifiedAt, json),
        RegulatorNotificationCorrected e => Notification(c, e.SideEffectId, e.NotifiedAt, json),
        _ => null,
    };

    public static IPractitionerCommand? ForPractitioner(CorrectRecord c, IEvent original, JsonSerializerOptions json) => original.Data switch
    {
        PractitionerRegistered or PractitionerDetailsCorrected =>
            new CorrectPractitionerDetails(c.StreamId, c.EventId, c.Reason, Read<PractitionerRequest>(c, json).ToDetails()),
        _ => null,
    };

    private static CorrectScreening Screening(CorrectRecord c, Guid screeningId, JsonSerializerOptions json)
    {
        var values = Read<ScreeningRequest>(c, json);
        return new CorrectScreening(c.StreamId, c.EventId, c.Reason, screeningId, values.ScreenedOn, values.ToAnswers(), c.Policy, c.RecordedAt);
    }

    private static CorrectAllergyTestApplication Application(CorrectRecord c, Guid testId, JsonSerializerOptions json)
    {
        var values = Read<AllergyTestRequest>(c, json);
        return new CorrectAllergyTestApplication(c.StreamId, c.EventId, c.Reason, testId, values.Substances, values.AppliedAt, c.Policy, c.RecordedAt);
    }

    private static CorrectAllergyTestReading Reading(CorrectRecord c, Guid testId, JsonSerializerOptions json) =>
        new(c.StreamId, c.EventId, c.Reason, testId, Read<AllergyReadingRequest>(c, json).ToReading(), c.Policy, c.RecordedAt);

    private static CorrectTreatmentPlan Plan(CorrectRecord c, Guid planId, string? clinicianId, JsonSerializerOptions json) =>
        new(c.StreamId, c.EventId, c.Reason, planId, Read<TreatmentPlanRequest>(c, json).ToDetails(clinicianId), c.Policy);

    private static CorrectSessionRecord SessionRecord(
        CorrectRecord c, Guid sessionId, PerformedTreatment recorded, CorrectionCaller caller, JsonSerializerOptions json) =>
        new(c.StreamId, c.EventId, c.Reason, sessionId, Read<TreatmentRequest>(c, json).ToTreatment(recorded.DurationMinutes, caller.ClinicianId),
            c.Policy, caller.Recorder, caller.SessionPractitionerUserId);

    private static CorrectSideEffect SideEffect(
        CorrectRecord c, Guid sideEffectId, DateTimeOffset recordedAwareAt, string? clinicianId, JsonSerializerOptions json) =>
        new(c.StreamId, c.EventId, c.Reason, sideEffectId, Read<SideEffectRequest>(c, json).ToDetails(recordedAwareAt), clinicianId, c.Policy, c.RecordedAt);

    private static CorrectSideEffectResolution Resolution(CorrectRecord c, Guid sideEffectId, JsonSerializerOptions json)
    {
        var values = Read<ResolutionRequest>(c, json);
        return new CorrectSideEffectResolution(c.StreamId, c.EventId, c.Reason, sideEffectId, values.ResolvedAt, values.Outcome, values.Notes, c.RecordedAt);
    }

    private static CorrectSideEffectReview Review(CorrectRecord c, Guid sideEffectId, JsonSerializerOptions json)
    {
        var values = Read<ReviewRequest>(c, json);
        return new CorrectSideEffectReview(c.StreamId, c.EventId, c.Reason, sideEffectId, values.Decision, values.Notes);
    }

    private static CorrectRegulatorNotification Notification(CorrectRecord c, Guid sideEffectId, DateTimeOffset recordedAt, JsonSerializerOptions json)
    {
        var values = Read<RegulatorNotificationRequest>(c, json);
        return new CorrectRegulatorNotification(c.StreamId, c.EventId, c.Reason, sideEffectId, values.NotifiedAt ?? recordedAt, values.Reference, c.RecordedAt);
    }

    private static T Read<T>(CorrectRecord c, JsonSerializerOptions json) =>
        c.Values.Deserialize<T>(json) ?? throw new JsonException($"The corrected values must be a {typeof(T).Name} object.");
}
