using Clinic.Domain.AllergyTests;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Tests.Support;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

/// <summary>
/// What a clinician records as having happened did not happen later than the clock of the one recording it (5 minutes'
/// skew allowed), a date of birth lies within 130 years of today, and the regulator is not notified before the clinic knew.
/// </summary>
public class PlausibleDateTests
{
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);

    /// <summary>Three weeks into the sample's treatment: after every fact of the histories below.</summary>
    private static readonly DateTimeOffset RecordingNow = At(3, 20, 12);

    private static readonly SideEffectResolved Resolved = new(PatientId, SideEffectId, At(3, 18), SideEffectOutcome.Recovered, null);

    private static readonly RegulatorNotified Notified = new(PatientId, SideEffectId, At(3, 15), "REF-2025-001");

    private static IDomainEvent[] Infected(params IDomainEvent[] extra) =>
        [.. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), Reported(Infection(SessionId)), .. extra];

    /// <summary>Each instant a clinician states, recorded or corrected, by the history it is recorded on and the command stating it.</summary>
    private static readonly Dictionary<string, (IDomainEvent[] History, Func<DateTimeOffset, IPatientCommand> Recording)> RecordedInstants = new()
    {
        ["consent signed"] = ([Registered],
            at => new RecordConsent(PatientId, ConsentId, FullConsent.Terms with { SignedAt = at }, RecordingNow)),
        ["consent signature corrected"] = ([Registered, FullConsent],
            at => new CorrectConsent(PatientId, CorrectedEventId, "Wrong time", ConsentId, FullConsent.Terms with { SignedAt = at }, RecordingNow)),
        ["allergy test dose applied"] = ([.. ScreenedAndConsented],
            at => new RecordAllergyTest(PatientId, TestId, TestedSubstances, at, RecordingNow)),
        ["allergy test dose corrected"] = ([.. ScreenedAndConsented, TestApplied],
            at => new CorrectAllergyTestApplication(PatientId, CorrectedEventId, "Wrong time", TestId, TestedSubstances, at, Policy, RecordingNow)),
        // A reaction is read whenever it is read, so the reading window does not decide these two.
        ["allergy test read"] = ([Registered, TestApplied],
            at => Read(at, reaction: true) with { RecordedAt = RecordingNow }),
        ["allergy test reading corrected"] = ([Registered, TestApplied, TestRead()],
            at => new CorrectAllergyTestReading(PatientId, CorrectedEventId, "Wrong time", TestId,
                new AllergyReading(at, Reaction: true, [], Notes: null), Policy, RecordingNow)),
        ["side effect onset"] = ([.. ReadyForSession()],
            at => new ReportSideEffect(PatientId, SideEffectId, Bruising() with { OnsetAt = at, AwareAt = at }, ReportedBy.Patient, Policy, RecordingNow)),
        ["side effect awareness"] = ([.. ReadyForSession()],
            at => new ReportSideEffect(PatientId, SideEffectId, Bruising() with { AwareAt = at }, ReportedBy.Patient, Policy, RecordingNow)),
        ["side effect awareness corrected"] = (Infected(),
            at => new CorrectSideEffect(PatientId, CorrectedEventId, "Wrong time", SideEffectId, Infection(SessionId) with { AwareAt = at }, ClinicianId, Policy, RecordingNow)),
        ["side effect resolved"] = (Infected(),
            at => new ResolveSideEffect(PatientId, SideEffectId, at, SideEffectOutcome.Recovered, null, RecordingNow)),
        ["side effect resolution corrected"] = (Infected(Resolved),
            at => new CorrectSideEffectResolution(PatientId, CorrectedEventId, "Wrong time", SideEffectId, at, SideEffectOutcome.Recovered, null, RecordingNow)),
        ["regulator notified"] = (Infected(),
            at => new RecordRegulatorNotification(PatientId, SideEffectId, at, "REF-2025-001", RecordingNow)),
        ["regulator notification corrected"] = (Infected(Notified),
            at => new CorrectRegulatorNotification(PatientId, CorrectedEventId, "Wrong time", SideEffectId, at, "REF-2025-001", RecordingNow)),
    };

    public static TheoryData<string, int, bool> BothSidesOfTheSkew()
    {
        var data = new TheoryData<string, int, bool>();
        foreach (var instant in RecordedInstants.Keys)
        {
            data.Add(instant, 0, true);
            data.Add(instant, 1, false);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BothSidesOfTheSkew))]
    public void What_happened_is_not_recorded_later_than_now_beyond_the_clock_skew(string instant, int secondsPastTheSkew, bool accepted)
    {
        var (history, recording) = RecordedInstants[instant];
        Given.Patient(history)
            .When(recording(RecordingNow + Skew + TimeSpan.FromSeconds(secondsPastTheSkew)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.DateInFuture);
    }

    [Fact]
    public void A_side_effect_the_clinic_is_aware_of_years_ahead_is_refused_so_its_reporting_clock_cannot_move_away() =>
        Given.Patient(ReadyForSession())
            .When(new ReportSideEffect(PatientId, SideEffectId, Infection() with { AwareAt = new DateTimeOffset(2030, 1, 1, 9, 0, 0, TimeSpan.Zero) },
                ReportedBy.Staff, Policy, RecordingNow))
            .ThenRefuses(RefusalCodes.DateInFuture);

    // Dates have no offset: a date is in the future only once it has begun nowhere, and dates begin first at UTC+14.
    // 1 January 2026 begins there at 10:00 UTC on 31 December 2025, so with the skew it counts from 09:55 UTC.
    private static readonly DateOnly NewYearsDay = new(2026, 1, 1);

    public static TheoryData<int, bool> AroundNewYearsDayBeginning => new() { { 0, true }, { -1, false } };

    private static readonly ScreeningAnswers TestedOnNewYearsDay =
        HealthyAnswers with { PhysicalExaminationOn = NewYearsDay, BloodUrineTestOn = NewYearsDay };

    private static DateTimeOffset NewYearsEveUtc(int secondsFrom0955) =>
        new DateTimeOffset(2025, 12, 31, 9, 55, 0, TimeSpan.Zero).AddSeconds(secondsFrom0955);

    [Theory]
    [MemberData(nameof(AroundNewYearsDayBeginning))]
    public void A_screening_is_dated_no_later_than_the_latest_today_anywhere(int secondsFrom0955, bool accepted) =>
        Given.Patient(Registered)
            .When(new ScreenPatient(PatientId, ScreeningId, NewYearsDay, TestedOnNewYearsDay, Policy, NewYearsEveUtc(secondsFrom0955)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.DateInFuture);

    [Theory]
    [MemberData(nameof(AroundNewYearsDayBeginning))]
    public void A_corrected_screening_date_is_no_later_than_the_latest_today_anywhere(int secondsFrom0955, bool accepted) =>
        Given.Patient(Registered, EligibleScreening)
            .When(new CorrectScreening(PatientId, CorrectedEventId, "Wrong date", ScreeningId, NewYearsDay, TestedOnNewYearsDay, Policy,
                NewYearsEveUtc(secondsFrom0955)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.DateInFuture);

    [Theory]
    [MemberData(nameof(AroundNewYearsDayBeginning))]
    public void A_baby_born_today_somewhere_is_registered(int secondsFrom0955, bool accepted) =>
        Given.Patient()
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails with { DateOfBirth = NewYearsDay }, NewYearsEveUtc(secondsFrom0955)))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.DateInFuture);

    /// <summary>09:00 UTC is 23:00 at UTC+14: 20 March 2025 everywhere, so 130 years back is 20 March 1895.</summary>
    private static readonly DateTimeOffset TwentiethOfMarchEverywhere = new(2025, 3, 20, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<DateOnly, bool, string> DatesOfBirth => new()
    {
        { new DateOnly(1895, 3, 20), true, "" },
        { new DateOnly(1895, 3, 19), false, RefusalCodes.ImplausibleDateOfBirth },
        { DateOnly.MinValue, false, RefusalCodes.ImplausibleDateOfBirth },
        { new DateOnly(2025, 3, 20), true, "" },
        { new DateOnly(2025, 3, 21), false, RefusalCodes.DateInFuture },
        { DateOnly.MaxValue, false, RefusalCodes.DateInFuture },
    };

    [Theory]
    [MemberData(nameof(DatesOfBirth))]
    public void A_date_of_birth_lies_within_130_years_before_today(DateOnly dateOfBirth, bool accepted, string code) =>
        Given.Patient()
            .When(new RegisterPatient(PatientId, ClinicId, MariaDetails with { DateOfBirth = dateOfBirth }, TwentiethOfMarchEverywhere))
            .ThenAcceptsOrRefuses(accepted, code);

    [Theory]
    [MemberData(nameof(DatesOfBirth))]
    public void A_corrected_date_of_birth_lies_within_130_years_before_today(DateOnly dateOfBirth, bool accepted, string code) =>
        Given.Patient(Registered)
            .When(new CorrectPatientDetails(PatientId, CorrectedEventId, "Typo", MariaDetails with { DateOfBirth = dateOfBirth }, TwentiethOfMarchEverywhere))
            .ThenAcceptsOrRefuses(accepted, code);

    public static TheoryData<int, bool> AroundTheAwareness => new() { { 0, true }, { -1, false } };

    /// <summary>The sample infection became known at 12:00 on 10 March.</summary>
    private static DateTimeOffset SecondsFromAwareness(int seconds) => Infection().AwareAt.AddSeconds(seconds);

    [Theory]
    [MemberData(nameof(AroundTheAwareness))]
    public void The_regulator_is_notified_no_earlier_than_the_clinic_became_aware(int seconds, bool accepted) =>
        Given.Patient(Infected())
            .When(new RecordRegulatorNotification(PatientId, SideEffectId, SecondsFromAwareness(seconds), null, RecordingNow))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.NotifiedBeforeAware);

    [Theory]
    [MemberData(nameof(AroundTheAwareness))]
    public void A_corrected_notification_is_no_earlier_than_the_clinic_became_aware(int seconds, bool accepted) =>
        Given.Patient(Infected(Notified))
            .When(new CorrectRegulatorNotification(PatientId, CorrectedEventId, "Wrong day", SideEffectId, SecondsFromAwareness(seconds), null, RecordingNow))
            .ThenAcceptsOrRefuses(accepted, RefusalCodes.NotifiedBeforeAware);

    [Fact]
    public void A_notification_dated_1900_is_refused() =>
        Given.Patient(Infected())
            .When(new RecordRegulatorNotification(PatientId, SideEffectId, new DateTimeOffset(1900, 1, 1, 0, 0, 0, TimeSpan.Zero), null, RecordingNow))
            .ThenRefuses(RefusalCodes.NotifiedBeforeAware);

    [Fact]
    public void Correcting_the_awareness_to_after_the_recorded_notification_is_refused() =>
        Given.Patient(Infected(Notified))
            .When(new CorrectSideEffect(PatientId, CorrectedEventId, "Wrong day", SideEffectId,
                Infection(SessionId) with { AwareAt = Notified.NotifiedAt.AddMinutes(1) }, ClinicianId, Policy, RecordingNow))
            .ThenRefuses(RefusalCodes.NotifiedBeforeAware);

    [Fact]
    public void Correcting_the_awareness_up_to_the_recorded_notification_is_accepted() =>
        Given.Patient(Infected(Notified))
            .When(new CorrectSideEffect(PatientId, CorrectedEventId, "Wrong day", SideEffectId,
                Infection(SessionId) with { AwareAt = Notified.NotifiedAt }, ClinicianId, Policy, RecordingNow))
            .ThenEmitsSingle<SideEffectCorrected>().Details.AwareAt.ShouldBe(Notified.NotifiedAt);

    [Fact]
    public void Correcting_the_onset_to_after_the_recorded_resolution_is_refused() =>
        Given.Patient(Infected(Resolved))
            .When(new CorrectSideEffect(PatientId, CorrectedEventId, "Wrong day", SideEffectId,
                Infection(SessionId) with { OnsetAt = Resolved.ResolvedAt.AddHours(1), AwareAt = Resolved.ResolvedAt.AddHours(2) }, ClinicianId, Policy, RecordingNow))
            .ThenRefuses(RefusalCodes.InvalidResolution);
}
