using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>
/// Rules compute from the dates commands carry (validity, washout, reporting clocks, session ends, readings): a date
/// within a year of either end of the calendar is refused <c>date-out-of-range</c>, never a computation off its end.
/// </summary>
public class CalendarLimitTests
{
    private static readonly DateTimeOffset NearTheEnd = new(9999, 12, 31, 23, 50, 0, TimeSpan.Zero);
    private static readonly DateOnly LastSupportedDate = new(9998, 12, 31);
    private static readonly DateTimeOffset LastSupported = new(9998, 12, 31, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<DateOnly> DatesOffTheCalendar => new()
    {
        DateOnly.MaxValue, new DateOnly(9999, 1, 1), DateOnly.MinValue, new DateOnly(1, 12, 31),
    };

    public static TheoryData<DateTimeOffset> InstantsOffTheCalendar => new()
    {
        DateTimeOffset.MaxValue, NearTheEnd, new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.FromHours(14)), DateTimeOffset.MinValue,
    };

    [Theory]
    [MemberData(nameof(DatesOffTheCalendar))]
    public void A_screening_date_off_the_calendar_is_refused(DateOnly screenedOn) =>
        Given.Patient(Registered)
            .When(new ScreenPatient(PatientId, ScreeningId, screenedOn, HealthyAnswers with { LastNsaidDoseOn = screenedOn }, Policy, Now))
            .ThenRefuses(RefusalCodes.DateOutOfRange);

    [Fact]
    public void A_screening_on_the_last_supported_date_is_valid_into_the_last_year() =>
        Given.Patient(Registered)
            .When(new ScreenPatient(PatientId, ScreeningId, LastSupportedDate, HealthyAnswers with
            {
                LastNsaidDoseOn = LastSupportedDate, PhysicalExaminationOn = LastSupportedDate, BloodUrineTestOn = LastSupportedDate,
            }, Policy, LastSupported))
            .ThenEmitsSingle<PatientScreened>().Assessment.ShouldSatisfyAllConditions(
                assessment => assessment.ValidUntil.ShouldBe(new DateOnly(9999, 6, 29)),
                assessment => assessment.DeferredUntil.ShouldBe(new DateOnly(9999, 1, 7)));

    [Theory]
    [MemberData(nameof(DatesOffTheCalendar))]
    public void A_corrected_screening_date_off_the_calendar_is_refused(DateOnly screenedOn) =>
        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectScreening(PatientId, CorrectedEventId, "Wrong date", ScreeningId, screenedOn, HealthyAnswers, Policy, Now))
            .ThenRefuses(RefusalCodes.DateOutOfRange);

    [Theory]
    [MemberData(nameof(InstantsOffTheCalendar))]
    public void An_allergy_test_applied_off_the_calendar_is_refused(DateTimeOffset appliedAt) =>
        Given.Patient(Registered)
            .When(new RecordAllergyTest(PatientId, TestId, ["Lidocaine"], appliedAt, Now))
            .ThenRefuses(RefusalCodes.DateOutOfRange);

    [Theory]
    [MemberData(nameof(InstantsOffTheCalendar))]
    public void A_side_effect_the_clinic_became_aware_of_off_the_calendar_is_refused(DateTimeOffset awareAt) =>
        Given.Patient([.. ReadyForSession()])
            .When(new ReportSideEffect(PatientId, SideEffectId, Infection() with { OnsetAt = DateTimeOffset.MinValue, AwareAt = awareAt },
                ReportedBy.Staff, Policy, Now))
            .ThenRefuses(RefusalCodes.DateOutOfRange);

    [Fact]
    public void A_side_effect_on_the_last_supported_date_has_its_reporting_clock_in_the_last_year() =>
        Given.Patient([.. ReadyForSession()])
            .When(new ReportSideEffect(PatientId, SideEffectId, Infection() with { OnsetAt = LastSupported, AwareAt = LastSupported },
                ReportedBy.Staff, Policy, LastSupported))
            .ThenEmitsSingle<SideEffectReported>().ReportDueAt.ShouldBe(LastSupported.AddDays(Policy.SeriousReportingDays));

    [Fact]
    public void A_corrected_side_effect_the_clinic_became_aware_of_off_the_calendar_is_refused() =>
        Given.Patient([.. ReadyForSession(), Reported(Infection())])
            .When(new CorrectSideEffect(PatientId, CorrectedEventId, "Wrong year", SideEffectId, Infection() with { AwareAt = NearTheEnd }, ClinicianId: null, Policy, Now))
            .ThenRefuses(RefusalCodes.DateOutOfRange);

    [Theory]
    [MemberData(nameof(InstantsOffTheCalendar))]
    public void A_session_starting_off_the_calendar_is_refused(DateTimeOffset startsAt) =>
        Given.Patient([.. ReadyForSession()]).AndPractitioner(PractitionerRegistered())
            .When(Schedule(startsAt, minutes: 45))
            .ThenRefuses(RefusalCodes.DateOutOfRange);

    public static TheoryData<DateTimeOffset, int> DurationsOffTheCalendar => new()
    {
        { At(3, 3), int.MinValue }, { LastSupported, int.MaxValue },
    };

    [Theory]
    [MemberData(nameof(DurationsOffTheCalendar))]
    public void A_duration_that_no_session_could_last_is_refused_before_the_end_is_computed(DateTimeOffset startsAt, int minutes) =>
        Given.Patient([.. ReadyForSession()]).AndPractitioner(PractitionerRegistered())
            .When(Schedule(startsAt, minutes))
            .ThenRefuses(RefusalCodes.InvalidDuration);

    [Theory]
    [MemberData(nameof(InstantsOffTheCalendar))]
    public void A_session_moved_off_the_calendar_is_refused(DateTimeOffset newStartsAt) =>
        Given.Patient([.. ReadyForSession(), Scheduled(SessionId, At(3, 3))])
            .AndPractitioner(PractitionerRegistered(), Booked(SessionId, At(3, 3)))
            .When(new RescheduleSession(PatientId, SessionId, newStartsAt, "Patient asked", IntervalOverride: null, Policy, BookedAt))
            .ThenRefuses(RefusalCodes.DateOutOfRange);
}
