using Clinic.Domain.AllergyTests;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Erasure;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Records;

/// <summary>
/// Which record of a patient an event is about: the screening, consent, allergy test, treatment plan, session or side
/// effect it records or changes, or the patient herself (registration, details, retention, erasure).
/// </summary>
public static class EventRecords
{
    public static Guid? IdOf(object? @event) => @event switch
    {
        PatientScreened e => e.ScreeningId,
        ScreeningCorrected e => e.ScreeningId,
        ScreeningReassessed e => e.ScreeningId,
        ConsentRecorded e => e.ConsentId,
        ConsentCorrected e => e.ConsentId,
        AllergyTestApplied e => e.TestId,
        AllergyTestApplicationCorrected e => e.TestId,
        AllergyTestRead e => e.TestId,
        AllergyTestReadingCorrected e => e.TestId,
        AllergyReadingFellDue e => e.TestId,
        TreatmentPlanCreated e => e.PlanId,
        TreatmentPlanCorrected e => e.PlanId,
        TreatmentPlanStopped e => e.PlanId,
        SessionScheduled e => e.SessionId,
        SessionRescheduled e => e.SessionId,
        SessionCancelled e => e.SessionId,
        SessionMarkedNoShow e => e.SessionId,
        NoShowRetracted e => e.SessionId,
        SessionPerformed e => e.SessionId,
        SessionRecordCorrected e => e.SessionId,
        SessionReminderSent e => e.SessionId,
        SessionSigned e => e.SessionId,
        SideEffectReported e => e.SideEffectId,
        SideEffectCorrected e => e.SideEffectId,
        SideEffectResolved e => e.SideEffectId,
        SideEffectResolutionCorrected e => e.SideEffectId,
        SideEffectReviewed e => e.SideEffectId,
        SideEffectReviewCorrected e => e.SideEffectId,
        RegulatorNotified e => e.SideEffectId,
        RegulatorNotificationCorrected e => e.SideEffectId,
        SideEffectReportOverdue e => e.SideEffectId,
        SideEffectReviewSigned e => e.SideEffectId,
        IPatientEvent e => e.PatientId,
        _ => null,
    };
}
