using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Erasure;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Patients;

/// <summary>
/// The patient stream: the whole clinical record of one patient. Session booking commands, which also touch a
/// practitioner's calendar, are decided by <see cref="SessionBooking"/>; their events evolve this state.
/// </summary>
public static class PatientDecider
{
    public static PatientState Initial => PatientState.Initial;

    public static Decision Decide(IPatientCommand command, PatientState state) => command switch
    {
        _ when state.IsErased => Decision.Refuse(RefusalCodes.PatientErased, $"Patient {command.PatientId} was erased on {state.Erasure.ErasedAt:u}: nothing more is recorded about her."),
        RegisterPatient register => Register(register, state),
        _ when PatientRules.CheckRegistered(state, command.PatientId) is { } notFound => Decision.Refuse(notFound),
        CorrectPatientDetails correct => PatientCorrections.CorrectDetails(correct, state),
        ScreenPatient screen => ScreeningDecisions.Screen(screen, state),
        CorrectScreening correct => PatientCorrections.CorrectScreening(correct, state),
        RecordConsent consent => ConsentDecisions.Record(consent, state),
        CorrectConsent correct => PatientCorrections.CorrectConsent(correct, state),
        RecordAllergyTest test => AllergyTestDecisions.Record(test, state),
        CorrectAllergyTestApplication correct => PatientCorrections.CorrectAllergyTestApplication(correct, state),
        ReadAllergyTest read => AllergyTestDecisions.Read(read, state),
        FlagAllergyReadingDue flag => AllergyTestDecisions.FlagReadingDue(flag, state),
        CorrectAllergyTestReading correct => PatientCorrections.CorrectAllergyTestReading(correct, state),
        CreateTreatmentPlan create => TreatmentPlanDecisions.Create(create, state),
        StopTreatmentPlan stop => TreatmentPlanDecisions.Stop(stop, state),
        CorrectTreatmentPlan correct => PatientCorrections.CorrectTreatmentPlan(correct, state),
        RecordNoShow noShow => SessionDecisions.RecordNoShow(noShow, state),
        RetractNoShow retract => PatientCorrections.RetractNoShow(retract, state),
        RecordReminderSent reminder => SessionDecisions.RecordReminderSent(reminder, state),
        CorrectSessionRecord correct => PatientCorrections.CorrectSessionRecord(correct, state),
        ReportSideEffect report => SideEffectDecisions.Report(report, state),
        ResolveSideEffect resolve => SideEffectDecisions.Resolve(resolve, state),
        ReviewSideEffect review => SideEffectDecisions.Review(review, state),
        RecordRegulatorNotification notification => SideEffectDecisions.RecordRegulatorNotification(notification, state),
        EscalateOverdueReport escalate => SideEffectDecisions.EscalateOverdueReport(escalate, state),
        CorrectSideEffect correct => SideEffectCorrections.CorrectSideEffect(correct, state),
        CorrectSideEffectResolution correct => SideEffectCorrections.CorrectResolution(correct, state),
        CorrectSideEffectReview correct => SideEffectCorrections.CorrectReview(correct, state),
        CorrectRegulatorNotification correct => SideEffectCorrections.CorrectNotification(correct, state),
        SignSession sign => SignatureDecisions.SignSession(sign, state),
        SignSideEffectReview sign => SignatureDecisions.SignSideEffectReview(sign, state),
        ErasePatient erase => ErasureDecisions.Erase(erase, state),
        RecordRetentionEnded retention => ErasureDecisions.RecordRetentionEnded(retention, state),
        _ => Decision.Unsupported(command),
    };

    public static PatientState Evolve(PatientState state, IDomainEvent @event) => @event switch
    {
        PatientRegistered e => state with { PatientId = e.PatientId, ClinicId = e.ClinicId, Details = e.Details, RegisteredAt = e.RegisteredAt },
        PatientDetailsCorrected e when state.IsRegistered => state with { Details = e.Details },

        PatientScreened e => state with
        {
            Screenings = state.Screenings.Add(new ScreeningRecord(e.ScreeningId, e.ScreenedOn, e.Answers, e.Assessment)),
        },
        ScreeningCorrected e => UpdateScreening(state, e.ScreeningId,
            screening => screening with { ScreenedOn = e.ScreenedOn, Answers = e.Answers, Assessment = e.Assessment }),
        ScreeningReassessed e => UpdateScreening(state, e.ScreeningId, screening => screening with { Assessment = e.Assessment }),

        ConsentRecorded e => state with { Consents = state.Consents.Add(new ConsentRecord(e.ConsentId, e.Terms)) },
        ConsentCorrected e => state with
        {
            Consents = state.Consents.ReplaceFirst(
                consent => consent.ConsentId == e.ConsentId, consent => consent with { Terms = e.Terms }),
        },

        AllergyTestApplied e => state with
        {
            AllergyTests = state.AllergyTests.Add(
                new AllergyTest(e.TestId, e.Substances, e.AppliedAt, Reading: null, ReadingFlaggedDue: false)),
        },
        AllergyTestApplicationCorrected e => UpdateAllergyTest(state, e.TestId,
            test => test with { Substances = e.Substances, AppliedAt = e.AppliedAt }),
        AllergyTestRead e => UpdateAllergyTest(state, e.TestId, test => test with { Reading = e.Reading }),
        AllergyTestReadingCorrected e => UpdateAllergyTest(state, e.TestId, test => test with { Reading = e.Reading }),
        AllergyReadingFellDue e => UpdateAllergyTest(state, e.TestId, test => test with { ReadingFlaggedDue = true }),

        TreatmentPlanCreated e => state with { Plans = state.Plans.Add(new TreatmentPlan(e.PlanId, e.CreatedOn, e.Details, Stop: null)) },
        TreatmentPlanCorrected e => UpdatePlan(state, e.PlanId, plan => plan with { Details = e.Details }),
        TreatmentPlanStopped e => UpdatePlan(state, e.PlanId, plan => plan with { Stop = e }),

        SessionScheduled e => state with
        {
            Sessions = state.Sessions.Add(new Session(
                e.SessionId, e.PlanId, e.PractitionerId, e.StartsAt, e.EndsAt, SessionStatus.Scheduled, e.IntervalOverride)),
        },
        SessionRescheduled e => UpdateSession(state, e.SessionId,
            session => session with { StartsAt = e.StartsAt, EndsAt = e.EndsAt, IntervalOverride = e.IntervalOverride }),
        SessionCancelled e => UpdateSession(state, e.SessionId, session => session with { Status = SessionStatus.Cancelled }),
        SessionMarkedNoShow e => UpdateSession(state, e.SessionId, session => session with { Status = SessionStatus.NoShow }),
        NoShowRetracted e => UpdateSession(state, e.SessionId, session => session with { Status = SessionStatus.Scheduled }),
        SessionPerformed e => UpdateSession(state, e.SessionId,
            session => session with { Status = SessionStatus.Performed, PerformedAt = e.PerformedAt, Treatment = e.Treatment }) with
        {
            LastTreatedOn = Latest(state.LastTreatedOn, e.PerformedAt.CalendarDate()),
        },
        SessionRecordCorrected e => UpdateSession(state, e.SessionId, session => session with { Treatment = e.Treatment }),
        SessionReminderSent e => UpdateSession(state, e.SessionId, session => session with { ReminderSentFor = e.SessionStartsAt }),
        SessionSigned e => UpdateSession(state, e.SessionId, session => session with { Signatures = session.Signatures.Add(e.Signature) }),

        SideEffectReported e => state with
        {
            SideEffects = state.SideEffects.Add(new SideEffect(e.SideEffectId, e.Details, e.ReportedBy, e.RequiresReview, e.ReportDueAt)),
        },
        SideEffectCorrected e => UpdateSideEffect(state, e.SideEffectId,
            sideEffect => sideEffect with
            {
                Details = e.Details, RequiresReview = e.RequiresReview, ReportDueAt = e.ReportDueAt, Review = e.ReopensReview ? null : sideEffect.Review,
            }),
        SideEffectResolved e => UpdateSideEffect(state, e.SideEffectId, sideEffect => sideEffect with { Resolution = e }),
        SideEffectResolutionCorrected e => UpdateSideEffect(state, e.SideEffectId, sideEffect => sideEffect with
        {
            Resolution = new SideEffectResolved(e.PatientId, e.SideEffectId, e.ResolvedAt, e.Outcome, e.Notes),
        }),
        SideEffectReviewed e => UpdateSideEffect(state, e.SideEffectId, sideEffect => sideEffect with { Review = e }),
        SideEffectReviewCorrected e => UpdateSideEffect(state, e.SideEffectId, sideEffect => sideEffect.Review is { } review
            ? sideEffect with { Review = review with { Notes = e.Notes } }
            : sideEffect),
        RegulatorNotified e => UpdateSideEffect(state, e.SideEffectId, sideEffect => sideEffect with { Notification = e }),
        RegulatorNotificationCorrected e => UpdateSideEffect(state, e.SideEffectId, sideEffect => sideEffect with
        {
            Notification = new RegulatorNotified(e.PatientId, e.SideEffectId, e.NotifiedAt, e.Reference),
        }),
        SideEffectReportOverdue e => UpdateSideEffect(state, e.SideEffectId, sideEffect => sideEffect with { Escalation = e }),
        SideEffectReviewSigned e => UpdateSideEffect(state, e.SideEffectId,
            sideEffect => sideEffect with { ReviewSignatures = sideEffect.ReviewSignatures.Add(e.Signature) }),

        RetentionPeriodEnded e => state with { RetentionEndedOn = e.EndedOn },
        PatientErased e => state with { Details = null, Erasure = e },

        _ => state,
    };

    private static DateOnly Latest(DateOnly? known, DateOnly date) => known > date ? known.Value : date;

    private static Decision Register(RegisterPatient command, PatientState state) =>
        (Check.That(!state.IsRegistered, RefusalCodes.AlreadyRegistered, $"Patient {state.PatientId} is already registered.")
         ?? PatientRules.Validate(command.Details, command.RecordedAt)) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new PatientRegistered(command.PatientId, command.ClinicId, command.Details, command.RecordedAt));

    private static PatientState UpdateScreening(PatientState state, Guid screeningId, Func<ScreeningRecord, ScreeningRecord> update) =>
        state with { Screenings = state.Screenings.ReplaceFirst(screening => screening.ScreeningId == screeningId, update) };

    private static PatientState UpdateAllergyTest(PatientState state, Guid testId, Func<AllergyTest, AllergyTest> update) =>
        state with { AllergyTests = state.AllergyTests.ReplaceFirst(test => test.TestId == testId, update) };

    private static PatientState UpdatePlan(PatientState state, Guid planId, Func<TreatmentPlan, TreatmentPlan> update) =>
        state with { Plans = state.Plans.ReplaceFirst(plan => plan.PlanId == planId, update) };

    private static PatientState UpdateSession(PatientState state, Guid sessionId, Func<Session, Session> update) =>
        state with { Sessions = state.Sessions.ReplaceFirst(session => session.SessionId == sessionId, update) };

    private static PatientState UpdateSideEffect(PatientState state, Guid sideEffectId, Func<SideEffect, SideEffect> update) =>
        state with { SideEffects = state.SideEffects.ReplaceFirst(sideEffect => sideEffect.SideEffectId == sideEffectId, update) };
}
