using Clinic.Domain.Common;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>The infection below was known on 10 March 12:00, so the regulator must hear of it by 25 March 12:00.</summary>
public class RegulatorReportingTests
{
    private static readonly RegulatorNotified Notified = new(PatientId, SideEffectId, At(3, 14), "INF-2025-0042");

    private static PatientScenario AfterInfection(params IDomainEvent[] extra) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), Reported(Infection(SessionId)), .. extra]);

    private static EscalateOverdueReport EscalateAsOf(DateTimeOffset asOf) => new(PatientId, SideEffectId, asOf);

    [Fact]
    public void Notifying_the_regulator_is_recorded() =>
        AfterInfection()
            .When(new RecordRegulatorNotification(PatientId, SideEffectId, At(3, 14), "INF-2025-0042", Now))
            .ThenEmits(new RegulatorNotified(PatientId, SideEffectId, At(3, 14), "INF-2025-0042"));

    [Fact]
    public void A_mild_side_effect_is_not_notified() =>
        Given.Patient([.. ReadyForSession(), Reported(Bruising())])
            .When(new RecordRegulatorNotification(PatientId, SideEffectId, At(3, 14), null, Now))
            .ThenRefuses(RefusalCodes.NotificationNotRequired);

    [Fact]
    public void The_regulator_is_notified_once() =>
        AfterInfection(Notified)
            .When(new RecordRegulatorNotification(PatientId, SideEffectId, At(3, 15), null, Now))
            .ThenRefuses(RefusalCodes.RegulatorAlreadyNotified);

    [Fact]
    public void Notifying_about_an_unknown_side_effect_is_refused() =>
        AfterInfection()
            .When(new RecordRegulatorNotification(PatientId, Guid.NewGuid(), At(3, 14), null, Now))
            .ThenRefuses(RefusalCodes.SideEffectNotFound);

    [Fact]
    public void A_report_past_its_deadline_is_escalated() =>
        AfterInfection()
            .When(EscalateAsOf(At(3, 25, 12, 1)))
            .ThenEmits(new SideEffectReportOverdue(PatientId, SideEffectId, At(3, 25, 12), At(3, 25, 12, 1)));

    [Theory]
    [InlineData(12, 0)]
    [InlineData(11, 59)]
    public void A_report_is_not_overdue_until_the_deadline_passed(int hour, int minute) =>
        AfterInfection().When(EscalateAsOf(At(3, 25, hour, minute))).ThenRefuses(RefusalCodes.ReportNotOverdue);

    [Fact]
    public void A_notified_side_effect_is_never_overdue() =>
        AfterInfection(Notified).When(EscalateAsOf(At(4, 1))).ThenRefuses(RefusalCodes.RegulatorAlreadyNotified);

    [Fact]
    public void A_side_effect_a_clinician_found_reported_in_error_is_neither_notified_nor_escalated()
    {
        var inError = new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.ReportedInError, "Not an infection", ClinicianId, At(3, 12));

        AfterInfection(inError).State.SideEffects.ShouldHaveSingleItem().AwaitsRegulatorNotification.ShouldBeFalse();
        AfterInfection(inError).When(EscalateAsOf(At(3, 25, 12, 1))).ThenRefuses(RefusalCodes.NotificationNotRequired);
        AfterInfection(inError)
            .When(new RecordRegulatorNotification(PatientId, SideEffectId, At(3, 14), null, Now))
            .ThenRefuses(RefusalCodes.NotificationNotRequired);
    }

    [Fact]
    public void A_resumed_side_effect_is_still_notified() =>
        AfterInfection(new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.Resume, "Treated", ClinicianId, At(3, 12)))
            .When(EscalateAsOf(At(3, 25, 12, 1)))
            .ThenAccepts();

    [Fact]
    public void An_overdue_report_is_escalated_once() =>
        AfterInfection(new SideEffectReportOverdue(PatientId, SideEffectId, At(3, 25, 12), At(3, 25, 13)))
            .When(EscalateAsOf(At(3, 26)))
            .ThenRefuses(RefusalCodes.ReportAlreadyEscalated);

    [Fact]
    public void A_side_effect_without_a_reporting_clock_is_not_escalated() =>
        Given.Patient([.. ReadyForSession(), Reported(Bruising())])
            .When(EscalateAsOf(At(4, 1)))
            .ThenRefuses(RefusalCodes.NotificationNotRequired);

    [Fact]
    public void Escalating_an_unknown_side_effect_is_refused() =>
        AfterInfection().When(EscalateAsOf(At(4, 1)) with { SideEffectId = Guid.NewGuid() }).ThenRefuses(RefusalCodes.SideEffectNotFound);

    [Fact]
    public void A_notified_side_effect_no_longer_awaits_notification()
    {
        AfterInfection().State.FindSideEffect(SideEffectId)!.AwaitsRegulatorNotification.ShouldBeTrue();
        AfterInfection(Notified).State.FindSideEffect(SideEffectId)!.AwaitsRegulatorNotification.ShouldBeFalse();
    }
}
