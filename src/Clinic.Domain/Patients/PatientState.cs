using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Consent;
using Clinic.Domain.Erasure;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Patients;

/// <summary>
/// The patient's clinical record as the rules and the patient history need it. Facts are kept by their ids in the
/// order recorded; a correction replaces a fact's values, and every count is derived, so nothing is counted twice.
/// </summary>
public sealed record PatientState
{
    public static PatientState Initial { get; } = new();

    public Guid PatientId { get; init; }

    public string? ClinicId { get; init; }

    /// <summary>Null once she is erased.</summary>
    public PatientDetails? Details { get; init; }

    /// <summary>When she was registered; null for registrations recorded before it was.</summary>
    public DateTimeOffset? RegisteredAt { get; init; }

    /// <summary>The date of her latest performed session: her retention runs from it.</summary>
    public DateOnly? LastTreatedOn { get; init; }

    /// <summary>The end of her retention period last recorded by the retention review.</summary>
    public DateOnly? RetentionEndedOn { get; init; }

    public PatientErased? Erasure { get; init; }

    public ImmutableList<ScreeningRecord> Screenings { get; init; } = [];

    public ImmutableList<ConsentRecord> Consents { get; init; } = [];

    public ImmutableList<AllergyTest> AllergyTests { get; init; } = [];

    public ImmutableList<TreatmentPlan> Plans { get; init; } = [];

    public ImmutableList<Session> Sessions { get; init; } = [];

    public ImmutableList<SideEffect> SideEffects { get; init; } = [];

    [MemberNotNullWhen(true, nameof(Details))]
    public bool IsRegistered => Details is not null;

    [MemberNotNullWhen(true, nameof(Erasure))]
    public bool IsErased => Erasure is not null;

    /// <summary>The latest screening by date; of two on one date, the one recorded last.</summary>
    public ScreeningRecord? CurrentScreening => ScreeningOn(DateOnly.MaxValue);

    /// <summary>The screening current on <paramref name="date"/>: the latest dated on or before it.</summary>
    public ScreeningRecord? ScreeningOn(DateOnly date) =>
        Screenings.Where(screening => screening.ScreenedOn <= date).OrderBy(screening => screening.ScreenedOn).LastOrDefault();

    public IReadOnlySet<ConsentScope> ConsentScopes => ConsentScopesSignedBy(DateTimeOffset.MaxValue);

    /// <summary>What the patient had consented to at <paramref name="at"/>: a consent signed later covers nothing done before.</summary>
    public IReadOnlySet<ConsentScope> ConsentScopesSignedBy(DateTimeOffset at) =>
        Consents.Where(consent => consent.Terms.SignedAt <= at).SelectMany(consent => consent.Terms.Scopes).ToHashSet();

    /// <summary>Whether a consent signed by <paramref name="at"/> records the patient was told fat removal is not approved.</summary>
    public bool ToldNotApprovedForFatRemovalBy(DateTimeOffset at) =>
        Consents.Any(consent => consent.Terms.SignedAt <= at && consent.Terms.ToldNotApprovedForFatRemoval);

    public bool HasAllergyTestPending => AllergyTests.Any(test => !test.IsRead);

    /// <summary>Every substance that reacted in any allergy test; none of them may be used in a session.</summary>
    public IReadOnlyList<string> ReactedSubstances =>
        AllergyTests.SelectMany(test => test.ReactedSubstances).Distinct(SubstanceNameComparer.Instance).ToList();

    /// <summary>The allergies the patient declared in the screenings dated on or before <paramref name="date"/>.</summary>
    public IReadOnlyList<string> DeclaredAllergiesOn(DateOnly date) =>
        Screenings.Where(screening => screening.ScreenedOn <= date)
            .SelectMany(screening => screening.Answers.Allergies).Distinct(SubstanceNameComparer.Instance).ToList();

    /// <summary>
    /// The substances that may be injected at <paramref name="at"/>: cleared by an allergy test then, and neither
    /// reacted in any test nor declared an allergy by then.
    /// </summary>
    public IReadOnlyList<string> SubstancesClearedAt(DateTimeOffset at, ClinicPolicy policy)
    {
        var barred = ReactedSubstances.Concat(DeclaredAllergiesOn(at.CalendarDate())).ToList();
        return AllergyTests
            .SelectMany(test => test.Substances.Where(substance => test.Clears(substance, at, policy)))
            .Distinct(SubstanceNameComparer.Instance)
            .Where(substance => !barred.HasSubstance(substance))
            .ToList();
    }

    /// <summary>The plan neither stopped nor complete; there is at most one.</summary>
    public TreatmentPlan? ActivePlan => Plans.FirstOrDefault(plan =>
        !plan.IsStopped && CountSessions(plan.PlanId, SessionStatus.Performed) < plan.Details.PlannedSessions);

    public IEnumerable<SideEffect> SideEffectsAwaitingReview => SideEffects.Where(sideEffect => sideEffect.AwaitsReview);

    /// <summary>No new session while a serious or severe side effect awaits a clinician's review.</summary>
    public bool IsTreatmentSuspended => SideEffectsAwaitingReview.Any();

    public IEnumerable<SideEffect> OpenSideEffects => SideEffects.Where(sideEffect => sideEffect.IsOpen);

    public ScreeningRecord? FindScreening(Guid screeningId) =>
        Screenings.Find(screening => screening.ScreeningId == screeningId);

    public ConsentRecord? FindConsent(Guid consentId) => Consents.Find(consent => consent.ConsentId == consentId);

    public AllergyTest? FindAllergyTest(Guid testId) => AllergyTests.Find(test => test.TestId == testId);

    public TreatmentPlan? FindPlan(Guid planId) => Plans.Find(plan => plan.PlanId == planId);

    public Session? FindSession(Guid sessionId) => Sessions.Find(session => session.SessionId == sessionId);

    public SideEffect? FindSideEffect(Guid sideEffectId) =>
        SideEffects.Find(sideEffect => sideEffect.SideEffectId == sideEffectId);

    public IEnumerable<Session> SessionsOf(Guid planId) => Sessions.Where(session => session.PlanId == planId);

    public IEnumerable<Session> LiveSessionsOf(Guid planId) => SessionsOf(planId).Where(session => session.IsLive);

    /// <summary>
    /// The sessions of the patient's other plans that hold a session of <paramref name="planId"/> back: those
    /// performed, and those booked under a plan not stopped (a stopped plan's bookings never take place).
    /// </summary>
    public IEnumerable<Session> LiveSessionsOfOtherPlans(Guid planId) =>
        Sessions.Where(session => session.PlanId != planId && session.IsLive
                                  && (session.Status == SessionStatus.Performed || FindPlan(session.PlanId) is { IsStopped: false }));

    /// <summary>
    /// The next session's interval is that of the phase it falls in; the first date it allows is also the clinic's
    /// minimum after the latest live session of the patient's other plans.
    /// </summary>
    public PlanProgress ProgressOf(TreatmentPlan plan, ClinicPolicy policy)
    {
        var live = LiveSessionsOf(plan.PlanId).ToList();
        var minimumIntervalDays = TreatmentPlanRules.MinimumIntervalDays(plan, live.Count + 1, policy);
        var latestOwn = live.Max(session => (DateOnly?)session.Date);
        var latestOther = LiveSessionsOfOtherPlans(plan.PlanId).Max(session => (DateOnly?)session.Date);
        return new PlanProgress(
            plan.PlanId,
            plan.Details.PlannedSessions,
            CountSessions(plan.PlanId, SessionStatus.Performed),
            CountSessions(plan.PlanId, SessionStatus.Scheduled),
            minimumIntervalDays,
            Later(latestOwn?.AddDays(minimumIntervalDays), latestOther?.AddDays(policy.MinimumIntervalDays)));
    }

    private static DateOnly? Later(DateOnly? first, DateOnly? second) => first > second || second is null ? first : second;

    private int CountSessions(Guid planId, SessionStatus status) => SessionsOf(planId).Count(session => session.Status == status);
}
