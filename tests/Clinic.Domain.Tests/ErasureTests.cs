using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Erasure;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>GDPR Art. 17(3): a patient's records are kept while the clinic's retention period runs, unless the law orders their erasure.</summary>
public class ErasureTests
{
    private static readonly DateTimeOffset RegisteredAt = new(2015, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly PatientRegistered DatedRegistration = Registered with { RegisteredAt = RegisteredAt };
    private static readonly PatientErased Erased = new(PatientId, RegisteredAt.AddYears(11), "Patient's request", LegalObligation: false, ValidlySigned: []);

    private static ErasePatient Erase(DateTimeOffset at, bool legalObligation = false, string reason = "Patient's request", ClinicPolicy? policy = null) =>
        new(PatientId, reason, legalObligation, at, policy ?? Policy);

    [Fact]
    public void Erasure_is_refused_while_the_retention_period_runs() =>
        Given.Patient(DatedRegistration)
            .When(Erase(RegisteredAt.AddYears(10).AddDays(-1)))
            .ThenRefuses(RefusalCodes.RetentionPeriodActive);

    [Fact]
    public void The_retention_runs_from_the_last_treatment() =>
        Given.Patient(DatedRegistration, Performed(Guid.NewGuid(), RegisteredAt.AddYears(3)))
            .When(Erase(RegisteredAt.AddYears(11)))
            .ThenRefuses(RefusalCodes.RetentionPeriodActive);

    [Fact]
    public void Once_the_retention_period_ended_the_patient_is_erased()
    {
        var erased = Given.Patient(DatedRegistration).When(Erase(RegisteredAt.AddYears(10))).ThenEmitsSingle<PatientErased>();

        (erased.PatientId, erased.ErasedAt, erased.Reason, erased.LegalObligation).ShouldBe((PatientId, RegisteredAt.AddYears(10), "Patient's request", false));
        erased.ValidlySigned.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(5, 6, true)]
    [InlineData(10, 6, false)]
    [InlineData(20, 12, false)]
    [InlineData(10, 12, true)]
    public void An_erasure_waits_for_the_clinics_retention_period_after_the_last_treatment(int retentionYears, int yearsAfterTheLastTreatment, bool accepted)
    {
        var treatedAt = RegisteredAt.AddYears(1);

        Given.Patient(DatedRegistration, Performed(Guid.NewGuid(), treatedAt))
            .When(Erase(treatedAt.AddYears(yearsAfterTheLastTreatment), policy: new ClinicPolicy(RetentionYears: retentionYears)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.RetentionPeriodActive);
    }

    [Fact]
    public void The_end_of_the_retention_period_is_recorded_by_the_clinics_period() =>
        Given.Patient(DatedRegistration)
            .When(new RecordRetentionEnded(PatientId, RegisteredAt.AddYears(6), new ClinicPolicy(RetentionYears: 5)))
            .ThenEmits(new RetentionPeriodEnded(PatientId, new DateOnly(2020, 3, 2)));

    [Fact]
    public void Erasure_is_refused_while_a_serious_side_effect_awaits_its_report_to_the_regulator_even_by_legal_obligation() =>
        Given.Patient(DatedRegistration, Reported(Infection()))
            .When(Erase(RegisteredAt.AddYears(10), legalObligation: true))
            .ThenRefuses(RefusalCodes.RegulatorReportOutstanding);

    [Fact]
    public void A_side_effect_that_needs_no_report_does_not_hold_the_erasure_back() =>
        Given.Patient(DatedRegistration, Reported(Bruising()))
            .When(Erase(RegisteredAt.AddYears(10), legalObligation: true))
            .ThenEmitsSingle<PatientErased>();

    [Fact]
    public void A_legal_obligation_erases_during_the_retention_period() =>
        Given.Patient(DatedRegistration)
            .When(Erase(RegisteredAt.AddDays(1), legalObligation: true, reason: "Court order 2026/118"))
            .ThenEmitsSingle<PatientErased>().LegalObligation.ShouldBeTrue();

    [Fact]
    public void A_registration_recorded_before_it_was_dated_keeps_its_retention_running() =>
        Given.Patient(Registered)
            .When(Erase(RegisteredAt.AddYears(50)))
            .ThenRefuses(RefusalCodes.RetentionPeriodActive);

    [Fact]
    public void An_erasure_needs_a_reason() =>
        Given.Patient(DatedRegistration)
            .When(Erase(RegisteredAt.AddYears(10), legalObligation: true, reason: " "))
            .ThenRefuses(RefusalCodes.ReasonRequired);

    [Fact]
    public void An_erased_patient_has_no_identity_left_and_nothing_more_is_recorded_about_her()
    {
        var erased = Given.Patient(DatedRegistration, Erased);

        erased.State.Details.ShouldBeNull();
        erased.State.IsErased.ShouldBeTrue();
        erased.When(new ScreenPatient(PatientId, Guid.NewGuid(), DateOnly.FromDateTime(Now.UtcDateTime), HealthyAnswers, Policy, Now)).ThenRefuses(RefusalCodes.PatientErased);
        erased.When(Erase(RegisteredAt.AddYears(12), legalObligation: true)).ThenRefuses(RefusalCodes.PatientErased);
    }

    [Fact]
    public void The_end_of_the_retention_period_is_recorded_once() =>
        Given.Patient(DatedRegistration, new RetentionPeriodEnded(PatientId, DateOnly.FromDateTime(RegisteredAt.AddYears(10).UtcDateTime)))
            .When(new RecordRetentionEnded(PatientId, RegisteredAt.AddYears(10).AddDays(3), Policy))
            .ThenEmits();

    [Fact]
    public void The_end_of_a_running_retention_period_is_not_recorded() =>
        Given.Patient(DatedRegistration)
            .When(new RecordRetentionEnded(PatientId, RegisteredAt.AddYears(9), Policy))
            .ThenRefuses(RefusalCodes.RetentionPeriodActive);

    [Fact]
    public void The_end_of_the_retention_period_is_recorded_with_its_date() =>
        Given.Patient(DatedRegistration)
            .When(new RecordRetentionEnded(PatientId, RegisteredAt.AddYears(10).AddDays(3), Policy))
            .ThenEmits(new RetentionPeriodEnded(PatientId, new DateOnly(2025, 3, 2)));
}
