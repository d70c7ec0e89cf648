using System.Globalization;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>The complete performed-session record (issue 13): aftercare, anesthetic time, delivery, plan, volume, NSAIDs, recorder.</summary>
public class PerformedRecordTests
{
    private static readonly DateTimeOffset PerformedAt = At(3, 3, 10, 5);

    private static BookingScenario Booked3March() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)));

    private static RecordSessionPerformed Perform(PerformedTreatment treatment, SessionRecorder? recordedBy = null) =>
        new(PatientId, SessionId, PerformedAt, treatment, Policy, PerformedAt.AddMinutes(30), recordedBy ?? ByPractitioner);

    private static BookingOutcome WhenPerformed(PerformedTreatment treatment, SessionRecorder? recordedBy = null) =>
        Booked3March().When(Perform(treatment, recordedBy));

    [Fact]
    public void Aftercare_instructions_are_required() =>
        WhenPerformed(Treatment() with { Aftercare = [] }).ThenRefuses(RefusalCodes.AftercareMissing);

    [Fact]
    public void A_record_without_an_aftercare_list_is_refused() =>
        WhenPerformed(Treatment() with { Aftercare = null }).ThenRefuses(RefusalCodes.AftercareMissing);

    [Fact]
    public void One_aftercare_instruction_is_enough() =>
        WhenPerformed(Treatment() with { Aftercare = [AftercareInstruction.ReportInfection] }).ThenAccepts();

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(40, true)]
    [InlineData(41, false)]
    public void Anesthetic_cream_is_applied_30_to_40_minutes_before(int minutesBefore, bool accepted) =>
        WhenPerformed(Treatment() with { AnestheticCream = true, AnestheticAppliedAt = PerformedAt.AddMinutes(-minutesBefore) })
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.AnestheticTiming);

    [Fact]
    public void Anesthetic_cream_one_second_short_of_30_minutes_is_refused() =>
        WhenPerformed(Treatment() with { AnestheticCream = true, AnestheticAppliedAt = PerformedAt.AddMinutes(-30).AddSeconds(1) })
            .ThenRefuses(RefusalCodes.AnestheticTiming);

    [Fact]
    public void Anesthetic_cream_records_when_it_was_applied() =>
        WhenPerformed(Treatment() with { AnestheticCream = true, AnestheticAppliedAt = null }).ThenRefuses(RefusalCodes.AnestheticTiming);

    [Fact]
    public void An_anesthetic_time_without_cream_is_refused() =>
        WhenPerformed(Treatment() with { AnestheticCream = false, AnestheticAppliedAt = PerformedAt.AddMinutes(-35) })
            .ThenRefuses(RefusalCodes.AnestheticTiming);

    [Fact]
    public void The_delivery_is_required() =>
        WhenPerformed(Treatment() with { Delivery = null }).ThenRefuses(RefusalCodes.InvalidDelivery);

    [Fact]
    public void A_needle_free_delivery_has_no_depth() =>
        WhenPerformed(Treatment() with { Delivery = new Delivery(InjectionMethod.NeedleFree, InjectionDevice.Gun) })
            .ThenRefuses(RefusalCodes.InvalidDelivery);

    [Fact]
    public void A_needle_free_delivery_is_recorded_without_depth() =>
        WhenPerformed(Treatment() with { Delivery = new Delivery(InjectionMethod.NeedleFree, InjectionDevice.Gun), DepthMm = null })
            .ThenAccepts();

    [Fact]
    public void A_needle_needs_a_depth() =>
        WhenPerformed(Treatment() with { DepthMm = null }).ThenRefuses(RefusalCodes.DepthOutOfRange);

    [Theory]
    [InlineData("2.0", true)]
    [InlineData("2.1", false)]
    public void The_scalp_is_treated_at_most_2_mm_deep(string depth, bool accepted) =>
        Given.Patient([.. ReadyForSession(ScalpPlan), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment() with { Areas = [TreatmentArea.Scalp], DepthMm = decimal.Parse(depth, CultureInfo.InvariantCulture) }))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.DepthOutOfRange);

    private static PlanDetails ScalpPlan => new(Indication.HairLoss, [TreatmentArea.Scalp], Technique.Nappage, 6, 7);

    [Theory]
    [InlineData("10", true)]
    [InlineData("10.01", false)]
    public void The_products_of_a_session_add_up_to_at_most_20_ml(string secondVolume, bool accepted) =>
        WhenPerformed(Treatment(Product(volumeMl: 10m), Product(name: "Dermaheal", volumeMl: decimal.Parse(secondVolume, CultureInfo.InvariantCulture))))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.SessionVolumeExceeded);

    [Fact]
    public void Volumes_too_large_to_add_up_are_refused_not_summed() =>
        WhenPerformed(Treatment(Product(volumeMl: decimal.MaxValue), Product(name: "Dermaheal", volumeMl: decimal.MaxValue)))
            .ThenRefuses(RefusalCodes.SessionVolumeExceeded);

    [Fact]
    public void A_stricter_clinic_ceiling_counts() =>
        Booked3March().When(Perform(Treatment(Product(volumeMl: 6m))) with { Policy = Policy with { MaximumSessionVolumeMl = 5m } })
            .ThenRefuses(RefusalCodes.SessionVolumeExceeded);

    [Fact]
    public void The_practitioner_confirms_no_recent_anti_inflammatories() =>
        WhenPerformed(Treatment() with { NoRecentAntiInflammatoriesConfirmed = false }).ThenRefuses(RefusalCodes.RecentNsaid);

    [Fact]
    public void An_area_outside_the_plan_needs_a_deviation() =>
        WhenPerformed(Treatment() with { Areas = [TreatmentArea.Face, TreatmentArea.Scalp] }).ThenRefuses(RefusalCodes.OutsidePlan);

    [Fact]
    public void A_technique_outside_the_plan_needs_a_deviation() =>
        WhenPerformed(Treatment() with { Technique = Technique.PointByPoint }).ThenRefuses(RefusalCodes.OutsidePlan);

    [Fact]
    public void A_clinician_deviates_from_the_plan_with_a_reason() =>
        WhenPerformed(Treatment() with { Technique = Technique.PointByPoint, Deviation = ClinicianDeviation }).ThenAccepts();

    [Fact]
    public void A_deviation_is_a_clinicians_act() =>
        WhenPerformed(Treatment() with { Technique = Technique.PointByPoint, Deviation = ClinicianDeviation with { ClinicianId = null } })
            .ThenRefuses(RefusalCodes.ClinicianRequired);

    [Fact]
    public void A_deviation_has_a_reason() =>
        WhenPerformed(Treatment() with { Technique = Technique.PointByPoint, Deviation = ClinicianDeviation with { Reason = " " } })
            .ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void Another_user_than_the_booked_practitioners_does_not_record_the_session() =>
        WhenPerformed(Treatment(), new SessionRecorder("nurse-bea", IsClinician: false)).ThenRefuses(RefusalCodes.NotBookedPractitioner);

    [Fact]
    public void A_clinician_records_a_session_for_the_booked_practitioner() =>
        WhenPerformed(Treatment(), new SessionRecorder(ClinicianId, IsClinician: true)).ThenAccepts();

    [Fact]
    public void A_practitioner_registered_before_the_user_link_has_sessions_recorded_by_a_clinician_only() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered() with { Details = Dermatologist() with { UserId = null } }, Booked(SessionId, At(3, 3)))
            .When(Perform(Treatment()))
            .ThenRefuses(RefusalCodes.NotBookedPractitioner);

    [Fact]
    public void A_corrected_record_obeys_the_same_rules() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, PerformedAt)])
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, "Aftercare list left out", SessionId, Treatment() with { Aftercare = [] }, Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.AftercareMissing);

    [Fact]
    public void A_record_is_corrected_by_its_practitioners_user_or_a_clinician_only()
    {
        var performed = Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, PerformedAt)]);
        var correction = new CorrectSessionRecord(PatientId, CorrectedEventId, "Lot misread", SessionId, Treatment(), Policy,
            new SessionRecorder("nurse-bea", IsClinician: false), PractitionerUserId);

        performed.When(correction).ThenRefuses(RefusalCodes.NotBookedPractitioner);
        performed.When(correction with { CorrectedBy = new SessionRecorder(ClinicianId, IsClinician: true) }).ThenAccepts();
    }

    [Fact]
    public void A_corrected_record_keeps_within_the_plan_unless_a_clinician_deviated() =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, PerformedAt)])
            .When(new CorrectSessionRecord(PatientId, CorrectedEventId, "Technique mistyped", SessionId, Treatment() with { Technique = Technique.Epidermal }, Policy, ByPractitioner, PractitionerUserId))
            .ThenRefuses(RefusalCodes.OutsidePlan);
}
