using Clinic.Domain.AllergyTests;
using Clinic.Domain.Corrections;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Corrections;

/// <summary>
/// For a recorded fact that no correction event changes, the action that sets it right instead: the detail of the
/// <c>not-correctable</c> problem.
/// </summary>
internal static class CorrectiveActions
{
    public static string For(object? recorded) => recorded switch
    {
        SessionScheduled or SessionRescheduled =>
            "A booking is not corrected: move it (POST /api/sessions/{id}/reschedule), or cancel it (POST /api/sessions/{id}/cancel) "
            + "and book the right one, so that the practitioner's calendar, the interval and the prerequisites are checked again.",
        SessionCancelled =>
            "A cancellation is not undone: book the session again (POST /api/sessions); the practitioner's slot was released.",
        NoShowRetracted =>
            "A retracted no-show leaves the session scheduled: record the no-show again (POST /api/sessions/{id}/no-show).",
        TreatmentPlanStopped =>
            "A plan stop is final: to treat again, create a new treatment plan (POST /api/patients/{id}/treatment-plans).",
        PractitionerLicenceRenewed =>
            "A renewal is corrected with the practitioner's details: correct the practitioner-registered.v1 event "
            + "(POST /api/practitioners/{id}/corrections) with the right licence number and expiry.",
        ScreeningReassessed =>
            "A reassessment follows the date of birth: correct the patient's details or the screening itself.",
        PractitionerBooked or PractitionerBookingMoved or PractitionerBookingReleased =>
            "A booking in the calendar follows its session: reschedule or cancel the session.",
        SessionSigned or SideEffectReviewSigned =>
            "A signature is not corrected: correct the signed record, which supersedes its signature, and sign it again.",
        SessionReminderSent or AllergyReadingFellDue or SideEffectReportOverdue =>
            "It records what the clinic's timers did, which a correction cannot undo.",
        _ => "It records nothing that a correction can change.",
    };
}
