using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public class NoShowRetractionTests
{
    private const string Reason = "The patient came; the wrong session was ticked";

    private static readonly SessionMarkedNoShow NoShow = new(PatientId, SessionId, At(3, 3, 11));

    private static readonly NoShowRetracted Retracted = new(PatientId, CorrectedEventId, Reason, SessionId);

    private static RetractNoShow Retract(Guid? sessionId = null) => new(PatientId, CorrectedEventId, Reason, sessionId ?? SessionId, Policy);

    private static IDomainEvent[] MissedSession(params IDomainEvent[] extra) =>
        [.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), NoShow, .. extra];

    [Fact]
    public void Retracting_a_no_show_schedules_the_session_again()
    {
        Given.Patient(MissedSession()).When(Retract()).ThenEmits(Retracted);

        var state = Given.Patient(MissedSession(Retracted)).State;
        state.FindSession(SessionId)!.Status.ShouldBe(SessionStatus.Scheduled);
        state.ProgressOf(state.ActivePlan!, Policy).SessionsScheduled.ShouldBe(1);
    }

    [Fact]
    public void A_retracted_no_show_can_be_recorded_performed() =>
        Given.Patient(MissedSession(Retracted))
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(new RecordSessionPerformed(PatientId, SessionId, At(3, 3), Treatment(), Policy, At(3, 3, 12), ByPractitioner))
            .ThenAccepts();

    [Fact]
    public void Only_a_no_show_is_retracted() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .When(Retract())
            .ThenRefuses(RefusalCodes.SessionNotNoShow);

    [Fact]
    public void Retracting_the_no_show_of_an_unknown_session_is_refused() =>
        Given.Patient(MissedSession()).When(Retract(Guid.NewGuid())).ThenRefuses(RefusalCodes.SessionNotFound);

    [Theory]
    [InlineData(10, true)]
    [InlineData(9, false)]
    public void A_no_show_is_retracted_only_if_the_session_keeps_its_interval_to_the_one_booked_since(int rebookedDay, bool accepted) =>
        Given.Patient(MissedSession(Scheduled(SecondSessionId, At(3, rebookedDay))))
            .When(Retract())
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.IntervalTooShort);

    [Fact]
    public void A_no_show_is_not_retracted_once_its_place_in_the_plan_is_booked_again()
    {
        Guid[] rebooked = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        Given.Patient([
                .. ReadyForSession(FacePlan(plannedSessions: 3)), Scheduled(SessionId, At(3, 3)), NoShow,
                .. rebooked.Select((id, week) => Scheduled(id, At(3, 10 + 7 * week))),
            ])
            .When(Retract())
            .ThenRefuses(RefusalCodes.PlanComplete);
    }
}
