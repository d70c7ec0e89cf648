using System.Diagnostics.CodeAnalysis;
using Clinic.Domain.Access;
using Clinic.Domain.AllergyTests;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Consent;
using Clinic.Domain.Corrections;
using Clinic.Domain.Erasure;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Screening;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Domain.Common;

/// <summary>
/// Every event with the stable name the event store records instead of the CLR name. A name never changes:
/// a changed event shape gets a new version.
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventType> All { get; } =
    [
        ClinicEvent<ClinicPolicySet>("clinic-policy-set.v1"),

        PractitionerEvent<PractitionerRegistered>("practitioner-registered.v1"),
        PractitionerEvent<PractitionerDetailsCorrected>("practitioner-details-corrected.v1"),
        PractitionerEvent<PractitionerLicenceRenewed>("practitioner-licence-renewed.v1"),
        PractitionerEvent<PractitionerBooked>("practitioner-booked.v1"),
        PractitionerEvent<PractitionerBookingMoved>("practitioner-booking-moved.v1"),
        PractitionerEvent<PractitionerBookingReleased>("practitioner-booking-released.v1"),

        PatientEvent<PatientRegistered>("patient-registered.v1"),
        PatientEvent<PatientDetailsCorrected>("patient-details-corrected.v1"),
        PatientEvent<PatientScreened>("patient-screened.v1"),
        PatientEvent<ScreeningCorrected>("screening-corrected.v1"),
        PatientEvent<ScreeningReassessed>("screening-reassessed.v1"),
        PatientEvent<ConsentRecorded>("consent-recorded.v1"),
        PatientEvent<ConsentCorrected>("consent-corrected.v1"),
        PatientEvent<AllergyTestApplied>("allergy-test-applied.v1"),
        PatientEvent<AllergyTestApplicationCorrected>("allergy-test-application-corrected.v1"),
        PatientEvent<AllergyTestRead>("allergy-test-read.v1"),
        PatientEvent<AllergyTestReadingCorrected>("allergy-test-reading-corrected.v1"),
        PatientEvent<AllergyReadingFellDue>("allergy-reading-fell-due.v1"),
        PatientEvent<TreatmentPlanCreated>("treatment-plan-created.v1"),
        PatientEvent<TreatmentPlanCorrected>("treatment-plan-corrected.v1"),
        PatientEvent<TreatmentPlanStopped>("treatment-plan-stopped.v1"),
        PatientEvent<SessionScheduled>("session-scheduled.v1"),
        PatientEvent<SessionRescheduled>("session-rescheduled.v1"),
        PatientEvent<SessionCancelled>("session-cancelled.v1"),
        PatientEvent<SessionMarkedNoShow>("session-marked-no-show.v1"),
        PatientEvent<NoShowRetracted>("no-show-retracted.v1"),
        PatientEvent<SessionPerformed>("session-performed.v1"),
        PatientEvent<SessionRecordCorrected>("session-record-corrected.v1"),
        PatientEvent<SessionReminderSent>("session-reminder-sent.v1"),
        PatientEvent<SideEffectReported>("side-effect-reported.v1"),
        PatientEvent<SideEffectCorrected>("side-effect-corrected.v1"),
        PatientEvent<SideEffectResolved>("side-effect-resolved.v1"),
        PatientEvent<SideEffectResolutionCorrected>("side-effect-resolution-corrected.v1"),
        PatientEvent<SideEffectReviewed>("side-effect-reviewed.v1"),
        PatientEvent<SideEffectReviewCorrected>("side-effect-review-corrected.v1"),
        PatientEvent<RegulatorNotified>("regulator-notified.v1"),
        PatientEvent<RegulatorNotificationCorrected>("regulator-notification-corrected.v1"),
        PatientEvent<SideEffectReportOverdue>("side-effect-report-overdue.v1"),
        PatientEvent<SessionSigned>("session-signed.v1"),
        PatientEvent<SideEffectReviewSigned>("side-effect-review-signed.v1"),
        PatientEvent<RetentionPeriodEnded>("retention-period-ended.v1"),
        PatientEvent<PatientErased>("patient-erased.v1"),

        new("record-viewed.v1", typeof(RecordViewed), StreamTypes.AccessLog),
    ];

    private static readonly Dictionary<Type, EventType> ByType = All.ToDictionary(entry => entry.ClrType);

    private static readonly Dictionary<string, EventType> ByName = All.ToDictionary(entry => entry.Name, StringComparer.Ordinal);

    /// <summary>The event types recorded on streams of <paramref name="streamType"/> (<see cref="StreamTypes"/>).</summary>
    public static IEnumerable<EventType> OfStream(string streamType) => All.Where(eventType => eventType.StreamType == streamType);

    /// <summary>
    /// The stored names <paramref name="name"/> stands for: itself when it names a version (<c>record-viewed.v1</c>),
    /// every version of the event when it does not (<c>record-viewed</c>); none when the catalog has no such event.
    /// </summary>
    public static IReadOnlyList<string> NamesOf(string name) =>
        [.. All.Select(entry => entry.Name).Where(stored => stored == name || stored.StartsWith(name + ".v", StringComparison.Ordinal))];

    /// <summary>The stored name of an event. Every domain event is catalogued, so an unknown type is a programming error.</summary>
    public static string NameOf(IDomainEvent @event) =>
        ByType.TryGetValue(@event.GetType(), out var entry)
            ? entry.Name
            : throw new ArgumentException($"{@event.GetType().Name} is not in the event catalog.", nameof(@event));

    /// <summary>The event type stored under a name; false for names this version does not know.</summary>
    public static bool TryGet(string name, [MaybeNullWhen(false)] out EventType eventType) =>
        ByName.TryGetValue(name, out eventType);

    private static EventType ClinicEvent<TEvent>(string name) where TEvent : IClinicEvent =>
        new(name, typeof(TEvent), StreamTypes.Clinic);

    private static EventType PractitionerEvent<TEvent>(string name) where TEvent : IPractitionerEvent =>
        new(name, typeof(TEvent), StreamTypes.Practitioner);

    private static EventType PatientEvent<TEvent>(string name) where TEvent : IPatientEvent =>
        new(name, typeof(TEvent), StreamTypes.Patient);
}
