using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Corrections;

/// <summary>
/// Each correction checks the corrected fact exists and applies the fact's own rules to the corrected values.
/// </summary>
internal static class PatientCorrections
{
    /// <summary>A corrected date of birth can change who was under 18 when screened: those screenings are reassessed.</summary>
    public static Decision CorrectDetails(CorrectPatientDetails command, PatientState state) =>
        (CorrectionRules.Validate(command) ?? PatientRules.Validate(command.Details, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept([
                new PatientDetailsCorrected(command.PatientId, command.CorrectedEventId, command.Reason, command.Details),
                .. Reassessments(state, command.Details.DateOfBirth),
            ]);

    public static Decision CorrectScreening(CorrectScreening command, PatientState state) =>
        (CorrectionRules.Validate(command)
         ?? Check.Found(state.FindScreening(command.ScreeningId), RefusalCodes.ScreeningNotFound, "Screening", command.ScreeningId)
         ?? ScreeningRules.Validate(command.ScreenedOn, command.Answers, command.Policy, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new ScreeningCorrected(
                command.PatientId, command.CorrectedEventId, command.Reason, command.ScreeningId, command.ScreenedOn, command.Answers,
                ScreeningRules.Assess(state.Details!.DateOfBirth, command.ScreenedOn, command.Answers,
                    ScreeningRules.ValidUntil(command.ScreenedOn, command.Policy))));

    public static Decision CorrectConsent(CorrectConsent command, PatientState state) =>
        (CorrectionRules.Validate(command)
         ?? Check.Found(state.FindConsent(command.ConsentId), RefusalCodes.ConsentNotFound, "Consent", command.ConsentId)
         ?? ConsentRules.Validate(command.Terms, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new ConsentCorrected(
                command.PatientId, command.CorrectedEventId, command.Reason, command.ConsentId, command.Terms));

    /// <summary>
    /// The corrected dose follows the test rules (the patient screened eligible and consented by then), and a reading
    /// already taken must still fit it (after the dose, a clean one from 24 hours after it and in the reading window,
    /// reacted substances among the tested ones). A reading still awaited falls due from the new dose.
    /// </summary>
    public static Decision CorrectAllergyTestApplication(CorrectAllergyTestApplication command, PatientState state)
    {
        if (state.FindAllergyTest(command.TestId) is not { } recorded)
            return Decision.Refuse(AllergyTestRules.NotFound(command.TestId));
        var corrected = recorded with { Substances = command.Substances, AppliedAt = command.AppliedAt };
        return (CorrectionRules.Validate(command)
                ?? AllergyTestRules.ValidateApplication(command.Substances, command.AppliedAt, command.RecordedAt)
                ?? AllergyTestRules.CheckPatientReadyForDose(state, command.Substances, command.AppliedAt)
                ?? (corrected.Reading is { } reading ? AllergyTestRules.ValidateReading(corrected, reading, command.Policy, command.RecordedAt) : null)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new AllergyTestApplicationCorrected(
                command.PatientId, command.CorrectedEventId, command.Reason, command.TestId, command.Substances, command.AppliedAt,
                corrected.IsRead || corrected.ReadingFlaggedDue ? null : corrected.ReadingDueAt));
    }

    public static Decision CorrectAllergyTestReading(CorrectAllergyTestReading command, PatientState state)
    {
        var test = state.FindAllergyTest(command.TestId);
        if (test is null)
            return Decision.Refuse(AllergyTestRules.NotFound(command.TestId));
        return (CorrectionRules.Validate(command)
                ?? Check.That(test.IsRead, RefusalCodes.AllergyTestPending, $"Allergy test {test.TestId} has no reading to correct.")
                ?? AllergyTestRules.ValidateReading(test, command.Reading, command.Policy, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new AllergyTestReadingCorrected(
                command.PatientId, command.CorrectedEventId, command.Reason, command.TestId, command.Reading));
    }

    public static Decision CorrectTreatmentPlan(CorrectTreatmentPlan command, PatientState state)
    {
        var plan = state.FindPlan(command.PlanId);
        if (plan is null)
            return Decision.Refuse(TreatmentPlanRules.NotFound(command.PlanId));
        var performed = state.ProgressOf(plan, command.Policy).SessionsPerformed;
        return (CorrectionRules.Validate(command)
                ?? TreatmentPlanRules.Validate(command.Details, command.Policy)
                ?? Check.That(command.Details.PlannedSessions >= performed, RefusalCodes.InvalidPlan,
                    $"{performed} sessions of the plan were already performed.")) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new TreatmentPlanCorrected(
                command.PatientId, command.CorrectedEventId, command.Reason, command.PlanId, command.Details));
    }

    public static Decision CorrectSessionRecord(CorrectSessionRecord command, PatientState state)
    {
        var session = state.FindSession(command.SessionId);
        if (session is null)
            return Decision.Refuse(SessionRules.NotFound(command.SessionId));
        return (CorrectionRules.Validate(command)
                ?? Check.That(session.Status == SessionStatus.Performed, RefusalCodes.SessionNotPerformed,
                    $"Session {session.SessionId} has no performed record to correct.")
                ?? PractitionerRules.CheckRecorder(command.PractitionerUserId, command.CorrectedBy)
                ?? PerformedTreatmentRules.CheckRecord(command.Treatment, session.HappensAt, command.Policy)
                ?? SessionScheduling.WithPlan(state, session.PlanId, plan =>
                    PerformedTreatmentRules.CheckForPatient(state, plan, command.Treatment, session.HappensAt, command.Policy))) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new SessionRecordCorrected(
                command.PatientId, command.CorrectedEventId, command.Reason, command.SessionId, command.Treatment));
    }

    /// <summary>
    /// The session is scheduled again; it must still fit in its plan and keep its interval to the patient's other
    /// sessions, since sessions may have been booked in its place.
    /// </summary>
    public static Decision RetractNoShow(RetractNoShow command, PatientState state)
    {
        if (state.FindSession(command.SessionId) is not { } session)
            return Decision.Refuse(SessionRules.NotFound(command.SessionId));
        return (CorrectionRules.Validate(command)
                ?? Check.That(session.Status == SessionStatus.NoShow, RefusalCodes.SessionNotNoShow,
                    $"Session {session.SessionId} is {session.Status}: there is no no-show to retract.")
                ?? (state.FindPlan(session.PlanId) is { } plan
                    ? TreatmentPlanRules.CheckNotFullyBooked(state, plan)
                      ?? SessionRules.CheckInterval(state, plan, session.SessionId, session.Date, session.IntervalOverride, command.Policy)
                    : TreatmentPlanRules.NotFound(session.PlanId))) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new NoShowRetracted(command.PatientId, command.CorrectedEventId, command.Reason, session.SessionId));
    }

    private static IEnumerable<ScreeningReassessed> Reassessments(PatientState state, DateOnly correctedDateOfBirth) =>
        from screening in state.Screenings
        let reassessed = ScreeningRules.Assess(
            correctedDateOfBirth, screening.ScreenedOn, screening.Answers, screening.Assessment.ValidUntil)
        where !reassessed.HasSameVerdictAs(screening.Assessment)
        select new ScreeningReassessed(state.PatientId, screening.ScreeningId, reassessed);
}
