using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Tests.Support;

/// <summary>
/// One patient ready for treatment in March 2025: screened eligible on 1 March, consented to every scope,
/// allergy-tested on 1 March 10:00 and read the next day with no reaction, with a six-session face plan
/// (7-day interval); and one dermatologist licensed until the end of 2026.
/// </summary>
internal static class Sample
{
    public static readonly ClinicPolicy Policy = ClinicPolicy.Default;
    public const string ClinicId = "clinic-lyon";
    public static readonly Guid PatientId = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    public static readonly Guid PractitionerId = Guid.Parse("d0000000-0000-0000-0000-000000000001");
    public static readonly Guid OtherPractitionerId = Guid.Parse("d0000000-0000-0000-0000-000000000002");
    public const string ClinicianId = "clinician-ana";
    public static readonly Guid ScreeningId = Guid.Parse("50000000-0000-0000-0000-000000000001");
    public static readonly Guid ConsentId = Guid.Parse("c1000000-0000-0000-0000-000000000001");
    public static readonly Guid TestId = Guid.Parse("a1000000-0000-0000-0000-000000000001");
    public static readonly Guid SecondTestId = Guid.Parse("a1000000-0000-0000-0000-000000000002");
    public static readonly Guid PlanId = Guid.Parse("b1000000-0000-0000-0000-000000000001");
    public static readonly Guid SessionId = Guid.Parse("5e000000-0000-0000-0000-000000000001");
    public static readonly Guid SecondSessionId = Guid.Parse("5e000000-0000-0000-0000-000000000002");
    public static readonly Guid SideEffectId = Guid.Parse("5f000000-0000-0000-0000-000000000001");
    public static readonly Guid CorrectedEventId = Guid.Parse("e0000000-0000-0000-0000-000000000001");

    public static DateOnly On(int month, int day) => new(2025, month, day);

    public static DateTimeOffset At(int month, int day, int hour = 10, int minute = 0) =>
        new(2025, month, day, hour, minute, 0, TimeSpan.FromHours(1));

    public static readonly PatientDetails MariaDetails =
        new("Maria", "Costa", new DateOnly(1990, 5, 20), Sex.Female, "+351 912 345 678", "maria.costa@example.org");

    public static readonly PatientRegistered Registered = new(PatientId, ClinicId, MariaDetails);

    /// <summary>Examined on the day of the screening, blood and urine tested two days before.</summary>
    public static readonly ScreeningAnswers HealthyAnswers =
        new(false, false, false, false, false, false, false, false, LastNsaidDoseOn: null, Allergies: [], Notes: null,
            PhysicalExaminationOn: On(3, 1), BloodUrineTestOn: On(2, 27));

    public static readonly PatientScreened EligibleScreening = Screened(
        new ScreeningAssessment(ScreeningOutcome.Eligible, [], null, On(3, 1).AddDays(180)));

    public static PatientScreened Screened(ScreeningAssessment assessment, Guid? screeningId = null, DateOnly? screenedOn = null) =>
        new(PatientId, screeningId ?? ScreeningId, screenedOn ?? On(3, 1), HealthyAnswers, assessment);

    public static ConsentRecorded ConsentTo(params ConsentScope[] scopes) =>
        new(PatientId, ConsentId, new ConsentTerms(scopes, "consent-form-v3", At(3, 1, 9)));

    public static readonly ConsentRecorded FullConsent = ConsentTo(ConsentScope.Face, ConsentScope.Body, ConsentScope.Hair);

    /// <summary>Consent to every scope, the patient told mesotherapy is not approved for fat removal.</summary>
    public static readonly ConsentRecorded FullConsentToldFatRemovalNotApproved =
        FullConsent with { Terms = FullConsent.Terms with { ToldNotApprovedForFatRemoval = true } };

    /// <summary>Registered, screened eligible and consented on 1 March: what a test dose needs.</summary>
    public static readonly IDomainEvent[] ScreenedAndConsented = [Registered, EligibleScreening, FullConsent];

    public static readonly IReadOnlyList<string> TestedSubstances = ["Hyaluronic acid", "Vitamin C", "Lidocaine"];

    public static readonly AllergyTestApplied TestApplied = new(PatientId, TestId, TestedSubstances, At(3, 1));

    public static AllergyTestRead TestRead(bool reaction = false, params string[] reactedSubstances) =>
        new(PatientId, TestId, new AllergyReading(At(3, 2), reaction, reactedSubstances, Notes: null));

    /// <summary>A second test of <paramref name="substances"/> applied at <paramref name="appliedAt"/>, read a day later: every substance reacted, or none.</summary>
    public static IDomainEvent[] SecondTest(DateTimeOffset appliedAt, bool reaction, params string[] substances) =>
    [
        new AllergyTestApplied(PatientId, SecondTestId, substances, appliedAt),
        new AllergyTestRead(PatientId, SecondTestId, new AllergyReading(appliedAt.AddDays(1), reaction, [], Notes: null)),
    ];

    public static PlanDetails FacePlan(int plannedSessions = 6, int intervalDays = 7) =>
        new(Indication.SkinRejuvenation, [TreatmentArea.Face, TreatmentArea.Neck], Technique.Nappage, plannedSessions, intervalDays);

    public static ReadAllergyTest Read(DateTimeOffset readAt, bool reaction = false, params string[] reacted) =>
        new(PatientId, TestId, new AllergyReading(readAt, reaction, reacted, Notes: null), Policy, Now);

    public static TreatmentPlanCreated PlanCreated(PlanDetails? details = null) =>
        new(PatientId, PlanId, On(3, 1), details ?? FacePlan());

    public static IDomainEvent[] ReadyForSession(PlanDetails? plan = null) =>
        [.. ScreenedAndConsented, TestApplied, TestRead(), PlanCreated(plan)];

    public static SessionScheduled Scheduled(Guid sessionId, DateTimeOffset startsAt, int minutes = 30) =>
        new(PatientId, sessionId, PlanId, PractitionerId, startsAt, startsAt.AddMinutes(minutes), IntervalOverride: null);

    public static ProductUsed Product(string name = "NCTF 135", string lot = "LOT-2025-031", decimal volumeMl = 3m, params string[] substances) =>
        new(name, lot, volumeMl, substances.Length > 0 ? substances : ["Hyaluronic acid", "Vitamin C"]);

    /// <summary>Of the face plan, by needle, without anesthetic cream, with every aftercare instruction and the NSAID check confirmed.</summary>
    public static PerformedTreatment Treatment(params ProductUsed[] products) =>
        new(products.Length > 0 ? products : [Product()], DepthMm: 2m, Technique.Nappage, [TreatmentArea.Face],
            AnestheticCream: false, DurationMinutes: 30, Notes: null, new Delivery(InjectionMethod.Needle, InjectionDevice.Manual),
            AnestheticAppliedAt: null, Aftercare: Enum.GetValues<AftercareInstruction>(), NoRecentAntiInflammatoriesConfirmed: true);

    public static TreatmentDeviation ClinicianDeviation { get; } = new("Thighs added at the patient's request", ClinicianId);

    public static SessionPerformed Performed(Guid sessionId, DateTimeOffset performedAt) =>
        new(PatientId, sessionId, PlanId, PractitionerId, performedAt, Treatment());

    public static PractitionerDetails Dermatologist(DateOnly? licenceExpiresOn = null) =>
        new("Dr Ana Silva", Profession.Dermatologist, "OM-45821", licenceExpiresOn ?? new DateOnly(2026, 12, 31), PractitionerUserId);

    /// <summary>The user the registered practitioner is linked to (the subject of their token).</summary>
    public const string PractitionerUserId = "practitioner-ana";

    public static SessionRecorder ByPractitioner { get; } = new(PractitionerUserId, IsClinician: false);

    public static PractitionerRegistered PractitionerRegistered(DateOnly? licenceExpiresOn = null) =>
        new(PractitionerId, ClinicId, Dermatologist(licenceExpiresOn));

    public static PractitionerBooked Booked(Guid sessionId, DateTimeOffset startsAt, int minutes = 30) =>
        new(PractitionerId, sessionId, PatientId, startsAt, startsAt.AddMinutes(minutes));

    /// <summary>The clinician's clock when recording a fact that happened: the last day of 2025, after every sample date.</summary>
    public static readonly DateTimeOffset Now = At(12, 31, 18);

    /// <summary>The reception's clock when it books or moves a session: noon on the day of the consultation.</summary>
    public static readonly DateTimeOffset BookedAt = At(3, 1, 12);

    public static ScheduleSession Schedule(DateTimeOffset? startsAt = null, int minutes = 30, Guid? sessionId = null) =>
        new(PatientId, sessionId ?? SessionId, PlanId, PractitionerId, startsAt ?? At(3, 3), minutes, IntervalOverride: null, Policy, BookedAt);

    public static SideEffectDetails Bruising(Guid? sessionId = null) =>
        new(sessionId, SideEffectKind.Bruising, Severity.Mild, Serious: false, Seriousness: [], At(3, 3, 18), At(3, 4, 9),
            "Small bruises on the left cheek.");

    public static SideEffectDetails Infection(Guid? sessionId = null) =>
        new(sessionId, SideEffectKind.MycobacterialInfection, Severity.Severe, Serious: true, [Seriousness.Hospitalisation],
            At(3, 10, 8), At(3, 10, 12), "Nodules with discharge at the injection sites; admitted.");

    public static SideEffectReported Reported(SideEffectDetails details, Guid? sideEffectId = null) =>
        new(PatientId, sideEffectId ?? SideEffectId, details, ReportedBy.Staff,
            RequiresReview: details.Serious || details.Severity >= Severity.Severe,
            ReportDueAt: details.Serious || details.Severity >= Severity.Severe ? details.AwareAt.AddDays(15) : null);
}
