using System.Reflection;

namespace Clinic.Domain.Common;

/// <summary>
/// Every stable refusal code. Over HTTP, codes ending in <c>-not-found</c> name a missing referenced thing (404);
/// <see cref="PractitionerBusy"/> and <see cref="ConcurrencyConflict"/> are conflicts (409); the API's
/// <c>RefusalStatus</c> is the table.
/// </summary>
public static class RefusalCodes
{
    // A referenced thing does not exist.
    public const string PatientNotFound = "patient-not-found";
    public const string PractitionerNotFound = "practitioner-not-found";
    public const string ScreeningNotFound = "screening-not-found";
    public const string ConsentNotFound = "consent-not-found";
    public const string AllergyTestNotFound = "allergy-test-not-found";
    public const string PlanNotFound = "plan-not-found";
    public const string SessionNotFound = "session-not-found";
    public const string SideEffectNotFound = "side-effect-not-found";
    public const string EventNotFound = "event-not-found";

    // Conflicts.
    public const string PractitionerBusy = "practitioner-busy";
    /// <summary>Not decided by the domain: the API uses it when an append loses the optimistic concurrency race.</summary>
    public const string ConcurrencyConflict = "concurrency-conflict";

    // Malformed input the domain can check.
    public const string UnsupportedCommand = "unsupported-command";
    public const string AlreadyRegistered = "already-registered";
    public const string DuplicateId = "duplicate-id";
    public const string ReasonRequired = "reason-required";
    public const string InvalidPatient = "invalid-patient";
    public const string InvalidPractitioner = "invalid-practitioner";
    public const string InvalidPolicy = "invalid-policy";
    public const string InvalidScreening = "invalid-screening";
    public const string InvalidConsent = "invalid-consent";
    public const string InvalidAllergyTest = "invalid-allergy-test";
    public const string InvalidAllergyReading = "invalid-allergy-reading";
    public const string InvalidPlan = "invalid-plan";
    public const string InvalidDuration = "invalid-duration";
    public const string InvalidOverride = "invalid-override";
    public const string InvalidTreatment = "invalid-treatment";
    public const string InvalidProduct = "invalid-product";
    public const string MissingLotNumber = "missing-lot-number";
    public const string MissingSubstances = "missing-substances";
    public const string InvalidVolume = "invalid-volume";
    public const string DepthOutOfRange = "depth-out-of-range";
    /// <summary>The delivery (needle or needle-free, manual or gun) missing, or a depth given for needle-free.</summary>
    public const string InvalidDelivery = "invalid-delivery";
    /// <summary>No aftercare instruction recorded as given (primer 002).</summary>
    public const string AftercareMissing = "aftercare-missing";
    /// <summary>Anesthetic cream recorded without its time, or applied other than 30 to 40 minutes before (primer 002).</summary>
    public const string AnestheticTiming = "anesthetic-timing";
    public const string InvalidSideEffect = "invalid-side-effect";
    /// <summary>A fatal or life-threatening severity without its seriousness criterion (death, life-threatening).</summary>
    public const string MissingSeriousnessCriterion = "missing-seriousness-criterion";
    public const string InvalidResolution = "invalid-resolution";
    public const string InvalidReview = "invalid-review";
    /// <summary>A date too close to the ends of the calendar for the rules to compute from it.</summary>
    public const string DateOutOfRange = "date-out-of-range";

    // Dates that cannot be true.
    /// <summary>A fact recorded as having happened (a birth, a screening, a reading ...) is dated later than now, beyond the clock skew.</summary>
    public const string DateInFuture = "date-in-future";
    /// <summary>A date of birth more than <c>PatientRules.MaximumAgeYears</c> years back.</summary>
    public const string ImplausibleDateOfBirth = "implausible-date-of-birth";
    /// <summary>A regulator notification dated before the clinic became aware of the side effect.</summary>
    public const string NotifiedBeforeAware = "notified-before-aware";

    // Practitioner.
    public const string LicenceExpired = "licence-expired";
    /// <summary>A session recorded performed by a user who is neither its booked practitioner's nor a clinician (the API answers 403).</summary>
    public const string NotBookedPractitioner = "not-booked-practitioner";

    // Eligibility.
    public const string NotEligible = "not-eligible";
    public const string ScreeningExpired = "screening-expired";
    public const string Deferred = "deferred";
    /// <summary>The screening records no physical examination or no blood and urine test (seed 002).</summary>
    public const string ScreeningIncomplete = "screening-incomplete";

    // Consent and allergy tests.
    public const string ConsentMissing = "consent-missing";
    public const string AllergyTestMissing = "allergy-test-missing";
    public const string AllergyTestPending = "allergy-test-pending";
    public const string AllergyTestAlreadyRead = "allergy-test-already-read";
    public const string AllergyReadingNotDue = "allergy-reading-not-due";
    public const string AllergyReadingAlreadyFlagged = "allergy-reading-already-flagged";
    public const string AllergyReadingTooEarly = "allergy-reading-too-early";
    public const string AllergyReadingTooLate = "allergy-reading-too-late";
    public const string AllergyReaction = "allergy-reaction";
    public const string DeclaredAllergy = "declared-allergy";
    public const string SubstanceNotTested = "substance-not-tested";
    public const string NoClearedSubstance = "no-cleared-substance";
    /// <summary>Localized fat or cellulite treated without a consent recording the patient was told it is not approved for fat removal.</summary>
    public const string FatRemovalDisclosureMissing = "fat-removal-disclosure-missing";

    // Treatment plans.
    public const string PlanActive = "plan-active";
    public const string PlanSuspended = "plan-suspended";
    public const string TreatmentStopped = "treatment-stopped";
    public const string PlanComplete = "plan-complete";

    // Sessions.
    public const string IntervalTooShort = "interval-too-short";
    public const string SessionInPast = "session-in-past";
    public const string PerformedInFuture = "performed-in-future";
    public const string PerformedOutsideBooking = "performed-outside-booking";
    public const string SessionNotScheduled = "session-not-scheduled";
    public const string SessionNotStarted = "session-not-started";
    public const string SessionNotPerformed = "session-not-performed";
    public const string SessionNotNoShow = "session-not-no-show";
    public const string ReminderAlreadySent = "reminder-already-sent";
    /// <summary>A reminder planned for a start the session no longer has (it was moved): the new start has its own.</summary>
    public const string ReminderStale = "reminder-stale";
    /// <summary>The products of one session add up to more than the clinic's ceiling.</summary>
    public const string SessionVolumeExceeded = "session-volume-exceeded";
    /// <summary>The practitioner did not confirm the patient took no NSAID, aspirin or anti-inflammatory steroid in the last 7 days (seed 001).</summary>
    public const string RecentNsaid = "recent-nsaid";
    /// <summary>Areas or technique outside the plan, with no deviation recorded.</summary>
    public const string OutsidePlan = "outside-plan";

    // Side effects.
    public const string SideEffectAlreadyResolved = "side-effect-already-resolved";
    public const string ReviewNotRequired = "review-not-required";
    public const string SideEffectAlreadyReviewed = "side-effect-already-reviewed";
    public const string NotificationNotRequired = "notification-not-required";
    public const string RegulatorAlreadyNotified = "regulator-already-notified";
    public const string ReportNotOverdue = "report-not-overdue";
    public const string ReportAlreadyEscalated = "report-already-escalated";
    public const string SideEffectNotResolved = "side-effect-not-resolved";
    public const string SideEffectNotReviewed = "side-effect-not-reviewed";
    /// <summary>A review's decision is not corrected: a new decision follows it (stop the plan, or a new plan after a stop).</summary>
    public const string ReviewDecisionFinal = "review-decision-final";
    public const string RegulatorNotNotified = "regulator-not-notified";
    /// <summary>Lowering a side effect's severity or seriousness, or deviating from a protocol or, in a session, from its plan, is a clinician's act (the API answers 403).</summary>
    public const string ClinicianRequired = "clinician-required";
    /// <summary>A plan outside its indication's protocol without a clinician's deviation.</summary>
    public const string OffProtocol = "off-protocol";
    // Erasure.
    /// <summary>A patient's records are kept while the clinic's retention period runs (GDPR Art. 17(3)), unless the law orders otherwise.</summary>
    public const string RetentionPeriodActive = "retention-period-active";
    /// <summary>The patient was erased: nothing more is recorded about her.</summary>
    public const string PatientErased = "patient-erased";
    /// <summary>An erasure while a serious side effect of the patient awaits its report to the regulator.</summary>
    public const string RegulatorReportOutstanding = "regulator-report-outstanding";

    // Signatures (21 CFR 11.50, 11.70).
    /// <summary>The meaning given is not the one the record is signed with (a session: performed; a review: reviewed).</summary>
    public const string SignatureMeaningMismatch = "signature-meaning-mismatch";
    /// <summary>A session's record signed by someone other than the practitioner who performed it (the API answers 403).</summary>
    public const string NotPerformingPractitioner = "not-performing-practitioner";
    /// <summary>A review signed by someone other than the clinician who reviewed (the API answers 403).</summary>
    public const string NotReviewer = "not-reviewer";
    /// <summary>The signer's credential carries no printed name for the signature to show (the API answers 403).</summary>
    public const string PrintedNameRequired = "printed-name-required";
    /// <summary>The record's latest signature still signs its content: it is signed again only after a correction.</summary>
    public const string AlreadySigned = "already-signed";

    /// <summary>Every code above, for documentation and mapping tables.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(RefusalCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();
}
