using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Corrections;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Domain.SideEffects;
using Clinic.Domain.Signatures;
using Clinic.Domain.Tests.Support;
using Clinic.Domain.TreatmentPlans;
using static Clinic.Domain.Tests.Support.Sample;

namespace Clinic.Domain.Tests;

public partial class CatalogTests
{
    private static readonly Type[] DomainEventTypes = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IDomainEvent).IsAssignableFrom(type))
        .ToArray();

    [GeneratedRegex("^[a-z]+(-[a-z0-9]+)*\\.v[1-9][0-9]*$")]
    private static partial Regex VersionedKebabName();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCode();

    [Fact]
    public void Every_domain_event_is_catalogued_once() =>
        EventCatalog.All.Select(entry => entry.ClrType).ShouldBe(DomainEventTypes, ignoreOrder: true);

    [Fact]
    public void The_events_of_a_stream_type_are_all_and_only_the_catalogued_ones_recorded_on_it()
    {
        var patientEvents = EventCatalog.OfStream(StreamTypes.Patient).ToList();

        patientEvents.ShouldContain(entry => entry.ClrType == typeof(SessionScheduled));
        patientEvents.ShouldNotContain(entry => entry.ClrType == typeof(PractitionerBooked));
        patientEvents.ShouldAllBe(entry => entry.StreamType == StreamTypes.Patient);
        EventCatalog.All.Except(patientEvents).ShouldAllBe(entry => entry.StreamType != StreamTypes.Patient);
    }

    [Fact]
    public void A_name_without_its_version_stands_for_every_version_and_with_it_for_that_version_only()
    {
        var registered = EventCatalog.NameOf(Registered);

        EventCatalog.NamesOf(registered).ShouldBe([registered]);
        EventCatalog.NamesOf(registered[..registered.LastIndexOf(".v", StringComparison.Ordinal)]).ShouldBe([registered]);
        EventCatalog.NamesOf("patient").ShouldBeEmpty("a prefix of a name is not a name");
        EventCatalog.NamesOf("no-such-event").ShouldBeEmpty();
    }

    [Fact]
    public void Event_names_are_unique_versioned_kebab_case_and_never_the_clr_name()
    {
        EventCatalog.All.Select(entry => entry.Name).ShouldBeUnique();
        EventCatalog.All.ShouldAllBe(entry => VersionedKebabName().IsMatch(entry.Name) && entry.Name != entry.ClrType.Name);
    }

    [Fact]
    public void Each_event_belongs_to_the_stream_its_marker_interface_names() =>
        EventCatalog.All.ShouldAllBe(entry =>
            entry.StreamType == (typeof(IPatientEvent).IsAssignableFrom(entry.ClrType) ? StreamTypes.Patient
                : typeof(IPractitionerEvent).IsAssignableFrom(entry.ClrType) ? StreamTypes.Practitioner
                : typeof(IClinicEvent).IsAssignableFrom(entry.ClrType) ? StreamTypes.Clinic
                : entry.ClrType == typeof(Clinic.Domain.Access.RecordViewed) ? StreamTypes.AccessLog
                : "none"));

    [Fact]
    public void A_stored_name_leads_back_to_its_event_type()
    {
        EventCatalog.NameOf(Registered).ShouldBe("patient-registered.v1");
        EventCatalog.TryGet("session-scheduled.v1", out var scheduled).ShouldBeTrue();
        scheduled!.ClrType.ShouldBe(typeof(SessionScheduled));
        EventCatalog.TryGet("session-scheduled.v0", out _).ShouldBeFalse();
    }

    [Fact]
    public void Events_round_trip_through_json()
    {
        IDomainEvent[] events =
        [
            .. ReadyForSession(), Scheduled(SessionId, At(3, 3)), Performed(SessionId, At(3, 3)), Reported(Infection(SessionId)),
            PractitionerRegistered(), Booked(SessionId, At(3, 3)), new ClinicPolicySet(ClinicId, ClinicPolicy.Default),
            new AllergyTestApplicationCorrected(PatientId, CorrectedEventId, "Typo", TestId, ["Lidocaine"], At(3, 1), At(3, 2)),
            new NoShowRetracted(PatientId, CorrectedEventId, "Typo", SessionId),
            new SideEffectResolutionCorrected(PatientId, CorrectedEventId, "Typo", SideEffectId, At(3, 20), SideEffectOutcome.Recovering, null),
            new SideEffectReviewCorrected(PatientId, CorrectedEventId, "Typo", SideEffectId, "Notes"),
            new RegulatorNotificationCorrected(PatientId, CorrectedEventId, "Typo", SideEffectId, At(3, 14), "REF-1"),
            new SideEffectCorrected(PatientId, CorrectedEventId, "Typo", SideEffectId, Bruising(), true, At(3, 25, 12), ClinicianId),
            new SideEffectReviewed(PatientId, SideEffectId, ReviewDecision.ReportedInError, "Wrong patient", ClinicianId, At(3, 12)),
            FullConsentToldFatRemovalNotApproved,
            new SessionSigned(PatientId, SessionId, new Signature(PractitionerUserId, "Dr Ana Silva", "practitioner", At(3, 3, 11), SignatureMeaning.Performed, "ab12")),
            new SideEffectReviewSigned(PatientId, SideEffectId, new Signature(ClinicianId, "Dr Rui Costa", "clinician", At(3, 12, 16), SignatureMeaning.Reviewed, "cd34")),
            PlanCreated(FacePlan(plannedSessions: 10) with
            {
                Later = new PlanPhase(2, 15), Maintenance = new PlanPhase(2, 182), Deviation = new ProtocolDeviation("Travels", ClinicianId),
            }),
        ];

        foreach (var @event in events)
        {
            EventCatalog.TryGet(EventCatalog.NameOf(@event), out var eventType).ShouldBeTrue();
            var json = JsonSerializer.Serialize(@event, @event.GetType(), EventFormat.Options);
            var restored = (IDomainEvent)JsonSerializer.Deserialize(json, eventType!.ClrType, EventFormat.Options)!;
            EventFormat.Describe(restored).ShouldBe(EventFormat.Describe(@event));
        }
    }

    /// <summary>A member added to an event's shape has a default, so events stored before it existed still read, under the same name.</summary>
    [Fact]
    public void Events_stored_before_a_member_was_added_read_with_its_default()
    {
        StoredWithout(EligibleScreening, "PhysicalExaminationOn", within: "Answers").Answers.PhysicalExaminationOn.ShouldBeNull();
        StoredWithout(EligibleScreening, "BloodUrineTestOn", within: "Answers").Answers.BloodUrineTestOn.ShouldBeNull();
        StoredWithout(FullConsentToldFatRemovalNotApproved, "ToldNotApprovedForFatRemoval", within: "Terms")
            .Terms.ToldNotApprovedForFatRemoval.ShouldBeFalse();
        StoredWithout(new SideEffectCorrected(PatientId, CorrectedEventId, "Typo", SideEffectId, Bruising(), false, null, ClinicianId), "ClinicianId")
            .ClinicianId.ShouldBeNull();
        StoredWithout(new SideEffectCorrected(PatientId, CorrectedEventId, "Typo", SideEffectId, Infection(), true, null, ClinicianId, ReopensReview: true),
            "ReopensReview").ReopensReview.ShouldBeFalse();
        var phased = PlanCreated(FacePlan() with
        {
            Later = new PlanPhase(2, 15), Maintenance = new PlanPhase(1, 182), Deviation = new ProtocolDeviation("Travels", ClinicianId),
        });
        StoredWithout(phased, "Later", within: "Details").Details.Later.ShouldBeNull();
        StoredWithout(phased, "Maintenance", within: "Details").Details.Maintenance.ShouldBeNull();
        StoredWithout(phased, "Deviation", within: "Details").Details.Deviation.ShouldBeNull();
        StoredWithout(PractitionerRegistered(), "UserId", within: "Details").Details.UserId.ShouldBeNull();
        var performed = Performed(SessionId, At(3, 3));
        StoredWithout(performed, "Delivery", within: "Treatment").Treatment.Delivery.ShouldBeNull();
        StoredWithout(performed, "AnestheticAppliedAt", within: "Treatment").Treatment.AnestheticAppliedAt.ShouldBeNull();
        StoredWithout(performed, "Aftercare", within: "Treatment").Treatment.Aftercare.ShouldBeNull();
        StoredWithout(performed with { Treatment = performed.Treatment with { Deviation = ClinicianDeviation } }, "Deviation", within: "Treatment")
            .Treatment.Deviation.ShouldBeNull();
        StoredWithout(performed, "NoRecentAntiInflammatoriesConfirmed", within: "Treatment").Treatment.NoRecentAntiInflammatoriesConfirmed.ShouldBeFalse();
    }

    /// <summary>The event as stored before <paramref name="member"/> (of the object <paramref name="within"/> names, if any) existed.</summary>
    private static TEvent StoredWithout<TEvent>(TEvent @event, string member, string? within = null) where TEvent : IDomainEvent
    {
        var json = JsonSerializer.SerializeToNode(@event, EventFormat.Options)!.AsObject();
        (within is null ? json : json[within]!.AsObject()).Remove(member).ShouldBeTrue();
        return json.Deserialize<TEvent>(EventFormat.Options)!;
    }

    [Fact]
    public void Refusal_codes_are_unique_kebab_case()
    {
        RefusalCodes.All.ShouldBeUnique();
        RefusalCodes.All.ShouldAllBe(code => KebabCode().IsMatch(code));
    }

    [Fact]
    public void The_codes_the_api_maps_to_404_name_a_missing_thing() =>
        RefusalCodes.All.Where(code => code.EndsWith("-not-found")).ShouldBe(
        [
            "patient-not-found", "practitioner-not-found", "screening-not-found", "consent-not-found", "allergy-test-not-found",
            "plan-not-found", "session-not-found", "side-effect-not-found", "event-not-found",
        ], ignoreOrder: true);

    [Fact]
    public void The_conflict_codes_exist()
    {
        RefusalCodes.All.ShouldContain("practitioner-busy");
        RefusalCodes.All.ShouldContain("concurrency-conflict");
    }
}
