using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Clinic.Api.Auth;
using Clinic.Api.Fhir;
using Clinic.Api.Tests.Support;
using Clinic.Api.History;
using Hl7.Fhir.Model;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace Clinic.Api.Tests.Fhir;

/// <summary>
/// A patient's record as a FHIR R4 Bundle: read back with the Firely SDK's parser, every reference resolves inside the
/// Bundle and the values are those recorded, corrected values only, as the record stood at <c>asOf</c>.
/// </summary>
public class FhirExportTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const string PerformedLot = "LOT-FHIR-1";

    private static string ExportPath(Journey journey, DateTimeOffset? asOf = null) =>
        asOf is null ? $"{journey.PatientPath}/fhir" : $"{journey.PatientPath}/fhir?asOf={Query.Instant(asOf.Value)}";

    /// <summary>The export read back, once checked to keep R4's invariants that the SDK's parser does not (ppc-1).</summary>
    private static async Task<Bundle> ExportAsync(HttpClient client, string path)
    {
        var bundle = JsonSerializer.Deserialize<Bundle>(await ExportedJsonAsync(client, path), FhirEndpoints.Json)!;
        All<Hl7.Fhir.Model.Consent>(bundle).ShouldAllBe(consent => consent.Policy.Count > 0 || consent.PolicyRule != null, "ppc-1: a policy or a policy rule");
        return bundle;
    }

    /// <summary>The export as sent, once checked to be FHIR JSON whose every reference resolves inside the Bundle.</summary>
    private static async Task<string> ExportedJsonAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(FhirEndpoints.MediaType);
        var bundle = JsonNode.Parse(body)!;
        ReferencesIn(bundle).ShouldBeSubsetOf(FullUrlsIn(bundle), "every reference resolves inside the Bundle");
        return body;
    }

    private static IReadOnlyList<string> FullUrlsIn(JsonNode bundle) =>
        [.. bundle["entry"]!.AsArray().Select(entry => entry!["fullUrl"]!.GetValue<string>())];

    /// <summary>Every <c>reference</c> of a Reference anywhere in the Bundle.</summary>
    private static IEnumerable<string> ReferencesIn(JsonNode? node) => node switch
    {
        JsonObject obj => obj.SelectMany(member => member.Key == "reference" && member.Value is JsonValue value
            ? [value.GetValue<string>()]
            : ReferencesIn(member.Value)),
        JsonArray array => array.SelectMany(ReferencesIn),
        _ => [],
    };

    private static IReadOnlyList<T> All<T>(Bundle bundle) where T : Resource => [.. bundle.Entry.Select(entry => entry.Resource).OfType<T>()];

    private static T Resolve<T>(Bundle bundle, ResourceReference reference) where T : Resource =>
        bundle.Entry.Single(entry => entry.FullUrl == reference.Reference).Resource.ShouldBeOfType<T>();

    private static string Url(Guid id) => FhirIds.UrlOf(id);

    private FhirCodes Codes => host.Services.GetRequiredService<FhirCodes>();

    private static Guid EventId(JsonNode history, string type) => Journey.Entry(history, type)["eventId"]!.GetValue<Guid>();

    private static IReadOnlyList<Guid> EventIds(JsonNode history, string type) =>
        [.. history["timeline"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == type).Select(e => e!["eventId"]!.GetValue<Guid>())];

    private static Task CorrectTreatmentAsync(Journey journey, Guid performed, params string[] lotNumbers) =>
        journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections", new
        {
            eventId = performed, reason = "Products misrecorded",
            values = Journey.CorrectedTreatment(Journey.Performed(Journey.Slot(3).AddMinutes(5), products: [.. lotNumbers.Select(lot => Journey.Product(lot))])),
        });

    /// <summary>The practitioner signs the session as performed, and the hash her signature signed.</summary>
    private async Task<string> SignAsync(Journey journey, Guid sessionId)
    {
        var signature = $"/api/sessions/{sessionId}/signature";
        await host.SigningClient(ClinicRoles.Practitioner, journey.Clinic, Journey.PractitionerUserId, "Dr Ana Silva", host.Clock.GetUtcNow())
            .PostOkAsync(signature, new { meaning = "performed" }, HttpStatusCode.OK);
        return (await journey.Practitioner.GetOkAsync(signature))["signedHash"]!.GetValue<string>();
    }

    /// <summary>A patient treated once with <see cref="PerformedLot"/>, who reacted to lidocaine in a second allergy test and had a serious side effect.</summary>
    private async Task<(Journey Journey, Guid SessionId, Guid SideEffectId)> TreatedPatientAsync()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var sessionId = await journey.PerformedSessionAsync(Journey.Slot(3), PerformedLot);
        var sideEffectId = await journey.ReportSideEffectAsync(sessionId, serious: true, Journey.Slot(4));
        using (journey.ClockAt(Journey.Slot(5)))
            await journey.AllergyTestAsync(reaction: true, reacted: ["lidocaine"], appliedAt: Journey.Slot(5));
        return (journey, sessionId, sideEffectId);
    }

    [Fact]
    public async Task The_bundle_holds_the_patients_record_with_the_values_recorded()
    {
        var (journey, sessionId, sideEffectId) = await TreatedPatientAsync();

        var bundle = await ExportAsync(journey.Practitioner, ExportPath(journey));

        bundle.Type.ShouldBe(Bundle.BundleType.Collection);
        var patient = All<Patient>(bundle).ShouldHaveSingleItem();
        bundle.Entry.First().FullUrl.ShouldBe(Url(journey.PatientId));
        patient.Name.ShouldHaveSingleItem().Family.ShouldBe("Lopez");
        patient.BirthDate.ShouldBe("1990-04-02");
        var consent = All<Hl7.Fhir.Model.Consent>(bundle).ShouldHaveSingleItem();
        consent.Source.ShouldBeOfType<Attachment>().Title.ShouldBe("v3");
        consent.PolicyRule!.Coding.ShouldHaveSingleItem().Code.ShouldBe("OPTIN");
        All<AllergyIntolerance>(bundle).ShouldHaveSingleItem().Code!.Text.ShouldBe("lidocaine");

        var procedure = All<Procedure>(bundle).ShouldHaveSingleItem();
        bundle.Entry.Single(entry => entry.Resource == procedure).FullUrl.ShouldBe(Url(sessionId));
        procedure.Status.ShouldBe(EventStatus.Completed);
        Resolve<Practitioner>(bundle, procedure.Performer.ShouldHaveSingleItem().Actor).Identifier.ShouldHaveSingleItem().Value
            .ShouldBe(journey.PractitionerId.ToString());
        procedure.BodySite.ShouldHaveSingleItem().Coding.ShouldHaveSingleItem().Code.ShouldBe("face");
        procedure.Performed.ShouldBeOfType<FhirDateTime>().ToDateTimeOffset(TimeSpan.Zero).ShouldBe(Journey.Slot(3).AddMinutes(5));
        procedure.GetExtensionValue<CodeableConcept>(Codes.ExtensionOf("technique")).Coding[0].Code.ShouldBe("nappage");
        procedure.GetExtensionValue<Quantity>(Codes.ExtensionOf("injection-depth")).Value.ShouldBe(2m);

        var administration = All<MedicationAdministration>(bundle).ShouldHaveSingleItem();
        administration.PartOf.ShouldHaveSingleItem().Reference.ShouldBe(Url(sessionId));
        ((Quantity)administration.Dosage!.Dose!).Value.ShouldBe(2.5m);
        administration.Dosage.Dose!.Unit.ShouldBe("mL");
        var medication = Resolve<Medication>(bundle, (ResourceReference)administration.Medication);
        medication.Batch!.LotNumber.ShouldBe(PerformedLot);
        medication.Code!.Text.ShouldBe("HA cocktail");

        var adverseEvent = All<AdverseEvent>(bundle).ShouldHaveSingleItem();
        bundle.Entry.Single(entry => entry.Resource == adverseEvent).FullUrl.ShouldBe(Url(sideEffectId));
        adverseEvent.Seriousness!.Coding.ShouldHaveSingleItem().Code.ShouldBe("Serious");
        adverseEvent.Severity!.Coding[0].Code.ShouldBe("severe");
        adverseEvent.Outcome!.Coding[0].Code.ShouldBe("ongoing");
        Resolve<Medication>(bundle, adverseEvent.SuspectEntity.ShouldHaveSingleItem().Instance!).Batch!.LotNumber.ShouldBe(PerformedLot);
    }

    [Fact]
    public async Task Each_resource_has_the_provenance_of_who_recorded_it_and_when()
    {
        var (journey, sessionId, _) = await TreatedPatientAsync();
        var performed = EventId(await journey.HistoryAsync(), "session-performed.v1");

        var bundle = await ExportAsync(journey.Practitioner, ExportPath(journey));

        var provenance = Resolve<Provenance>(bundle, new ResourceReference(Url(performed)));
        provenance.Target.Select(target => target.Reference).ShouldContain(Url(sessionId));
        var agent = provenance.Agent.ShouldHaveSingleItem();
        agent.Who!.Identifier!.Value.ShouldBe(Journey.PractitionerUserId);
        agent.Who.Display.ShouldBeNull("a timeline entry has no printed name, and the role is in agent.role");
        agent.Role.ShouldHaveSingleItem().Text.ShouldBe(ClinicRoles.Practitioner);
        provenance.Recorded.ShouldNotBeNull();
        All<Resource>(bundle).Where(resource => resource is not (Provenance or Practitioner))
            .ShouldAllBe(resource => All<Provenance>(bundle).Any(p => p.Target.Any(target => target.Reference == Url(Guid.Parse(resource.Id!)))));
    }

    [Fact]
    public async Task A_correction_shows_the_corrected_value_and_a_provenance_naming_the_superseded_entry()
    {
        var (journey, sessionId, _) = await TreatedPatientAsync();
        var performed = EventId(await journey.HistoryAsync(), "session-performed.v1");
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections", new
        {
            eventId = performed, reason = "Lot misread from the vial",
            values = Journey.CorrectedTreatment(Journey.Performed(Journey.Slot(3).AddMinutes(5), products: [Journey.Product("LOT-FHIR-FIXED", volumeMl: 1.5m)])),
        });
        var corrected = EventId(await journey.HistoryAsync(), "session-record-corrected.v1");

        var bundle = await ExportAsync(journey.Practitioner, ExportPath(journey));

        All<Medication>(bundle).Select(medication => medication.Batch!.LotNumber).ShouldBe(["LOT-FHIR-FIXED"]);
        ((Quantity)All<MedicationAdministration>(bundle).ShouldHaveSingleItem().Dosage!.Dose!).Value.ShouldBe(1.5m);
        var correction = Resolve<Provenance>(bundle, new ResourceReference(Url(corrected)));
        correction.Target.Select(target => target.Reference).ShouldContain(Url(sessionId));
        correction.Reason.ShouldHaveSingleItem().Text.ShouldBe("Lot misread from the vial");
        var superseded = correction.Entity.ShouldHaveSingleItem();
        superseded.Role.ShouldBe(Provenance.ProvenanceEntityRole.Revision);
        var original = Resolve<Provenance>(bundle, superseded.What);
        original.Text!.Div!.ShouldContain(PerformedLot, Case.Sensitive, "the superseded entry says what it recorded");
        original.Target.Select(target => target.Reference).ShouldContain(Url(sessionId));
    }

    [Fact]
    public async Task AsOf_before_a_later_session_leaves_it_out()
    {
        var (journey, firstSession, sideEffectId) = await TreatedPatientAsync();
        var firstRecordedAt = Journey.Entry(await journey.HistoryAsync(), "session-performed.v1")["at"]!.GetValue<DateTimeOffset>();
        using (journey.AfterSideEffect(Journey.Slot(4)))
            await journey.Clinician.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffectId}/review",
                new { decision = "resume", notes = "Treated, fine to go on" }, HttpStatusCode.OK);
        await journey.PerformedSessionAsync(Journey.Slot(12), "LOT-FHIR-LATER");

        var exportedAt = Journey.Slot(20);
        Bundle then;
        DateTimeOffset answeredBy;
        using (journey.ClockAt(exportedAt))
        {
            then = await ExportAsync(journey.Practitioner, ExportPath(journey, firstRecordedAt));
            answeredBy = host.Clock.GetUtcNow();
        }
        var now = await ExportAsync(journey.Practitioner, ExportPath(journey));

        All<Procedure>(then).Select(procedure => procedure.Id).ShouldBe([firstSession.ToString()]);
        All<Medication>(then).Select(medication => medication.Batch!.LotNumber).ShouldBe([PerformedLot]);
        All<AdverseEvent>(then).ShouldBeEmpty("the side effect was reported after asOf");
        All<AllergyIntolerance>(then).ShouldBeEmpty("the reacting allergy test was recorded after asOf");
        All<Provenance>(then).ShouldNotBeEmpty();
        All<Provenance>(then).ShouldAllBe(provenance => provenance.Recorded <= firstRecordedAt);
        All<Provenance>(now).ShouldContain(provenance => provenance.Recorded > firstRecordedAt);
        then.Timestamp!.Value.ShouldBeInRange(exportedAt, answeredBy, "the timestamp is when the Bundle was assembled");
        then.Meta!.GetExtensionValue<Instant>(Codes.ExtensionOf(PatientBundle.AsOfExtension)).Value!.Value.ShouldBe(firstRecordedAt, TimeSpan.FromMilliseconds(1));
        now.Meta.ShouldBeNull();
        var future = await ExportAsync(journey.Practitioner, ExportPath(journey, DateTimeOffset.UtcNow.AddYears(1)));
        All<Procedure>(future).Count.ShouldBe(2, "a future asOf is the record as it stands, as the history reads it");
        All<Procedure>(now).Count.ShouldBe(2);
        All<Medication>(now).Select(medication => medication.Id).ShouldContain(All<Medication>(then).Single().Id, "a lot exports under the same id every time");
        All<Medication>(now).Select(medication => medication.Batch!.LotNumber).ShouldBe([PerformedLot, "LOT-FHIR-LATER"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_signed_session_record_has_its_signature_in_the_provenance_of_the_signing()
    {
        var (journey, sessionId, _) = await TreatedPatientAsync();
        await host.SigningClient(ClinicRoles.Practitioner, journey.Clinic, Journey.PractitionerUserId, "Dr Ana Silva", host.Clock.GetUtcNow())
            .PostOkAsync($"/api/sessions/{sessionId}/signature", new { meaning = "performed" }, HttpStatusCode.OK);
        var signing = EventId(await journey.HistoryAsync(), "session-signed.v1");
        var signedHash = (await journey.Practitioner.GetOkAsync($"/api/sessions/{sessionId}/signature"))["signedHash"]!.GetValue<string>();

        var bundle = await ExportAsync(journey.Practitioner, ExportPath(journey));

        var signingProvenance = Resolve<Provenance>(bundle, new ResourceReference(Url(signing)));
        signingProvenance.Agent.ShouldHaveSingleItem().Who!.Display.ShouldBe("Dr Ana Silva");
        var signature = signingProvenance.Signature.ShouldHaveSingleItem();
        ((ResourceReference)signature.Who!).Display.ShouldBe("Dr Ana Silva");
        ((ResourceReference)signature.Who!).Identifier!.Value.ShouldBe(Journey.PractitionerUserId);
        Convert.ToHexStringLower(signature.Data!).ShouldBe(signedHash);
        signature.GetExtensionValue<Code>(Codes.ExtensionOf("signature-state")).Value.ShouldBe("valid");
    }

    [Fact]
    public async Task An_erased_patient_exports_without_identity_and_with_her_clinical_facts()
    {
        var (journey, _, sideEffectId) = await TreatedPatientAsync();
        using (journey.AfterSideEffect(Journey.Slot(4)))
            await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffectId}/regulator-notification",
                new { reference = "ANSM-2026-0042" }, HttpStatusCode.OK);
        await journey.Admin.PostOkAsync($"{journey.PatientPath}/erasure", new { reason = "Court order 2026/118", legalObligation = true }, HttpStatusCode.OK);

        var body = await ExportedJsonAsync(journey.Practitioner, ExportPath(journey));
        var bundle = JsonSerializer.Deserialize<Bundle>(body, FhirEndpoints.Json)!;

        body.ShouldNotContain("Lopez");
        body.ShouldNotContain("1990-04-02");
        var patient = All<Patient>(bundle).ShouldHaveSingleItem();
        (patient.Name.Count, patient.Telecom.Count, patient.BirthDate).ShouldBe((0, 0, null));
        patient.Identifier.ShouldHaveSingleItem().Value.ShouldBe(journey.PatientId.ToString());
        All<Medication>(bundle).ShouldHaveSingleItem().Batch!.LotNumber.ShouldBe(PerformedLot);
        All<AdverseEvent>(bundle).ShouldHaveSingleItem().Seriousness!.Coding[0].Code.ShouldBe("Serious");
        var erasure = Resolve<Provenance>(bundle, new ResourceReference(Url(EventId(await journey.HistoryAsync(), "patient-erased.v1"))));
        erasure.Activity!.Coding.ShouldHaveSingleItem().Code.ShouldBe("DELETE");
    }

    [Fact]
    public async Task A_side_effect_reviewed_as_reported_in_error_is_left_out_with_its_provenance()
    {
        var (journey, _, sideEffectId) = await TreatedPatientAsync();
        using (journey.AfterSideEffect(Journey.Slot(4)))
            await journey.Clinician.PostOkAsync($"{journey.PatientPath}/side-effects/{sideEffectId}/review",
                new { decision = "reported-in-error", notes = "Not this patient's" }, HttpStatusCode.OK);

        var bundle = await ExportAsync(journey.Practitioner, ExportPath(journey));

        All<AdverseEvent>(bundle).ShouldBeEmpty();
        All<Provenance>(bundle).ShouldNotContain(provenance => provenance.Target.Any(target => target.Reference == Url(sideEffectId)));
        All<Medication>(bundle).ShouldHaveSingleItem().Batch!.LotNumber.ShouldBe(PerformedLot);
    }

    [Fact]
    public async Task A_correction_that_reorders_or_removes_products_keeps_each_administration_id_on_its_product()
    {
        var (journey, _, _) = await TreatedPatientAsync();
        var performed = EventId(await journey.HistoryAsync(), "session-performed.v1");

        async Task<Dictionary<string, string>> AdministrationIdsByLotAsync()
        {
            var bundle = await ExportAsync(journey.Practitioner, ExportPath(journey));
            return All<MedicationAdministration>(bundle).ToDictionary(
                administration => Resolve<Medication>(bundle, (ResourceReference)administration.Medication).Batch!.LotNumber!, administration => administration.Id!);
        }

        await CorrectTreatmentAsync(journey, performed, "LOT-A", "LOT-B");
        var recorded = await AdministrationIdsByLotAsync();
        await CorrectTreatmentAsync(journey, performed, "LOT-B", "LOT-A");
        var reordered = await AdministrationIdsByLotAsync();
        await CorrectTreatmentAsync(journey, performed, "LOT-B");
        var removed = await AdministrationIdsByLotAsync();

        (reordered["LOT-A"], reordered["LOT-B"]).ShouldBe((recorded["LOT-A"], recorded["LOT-B"]));
        removed.ShouldHaveSingleItem().ShouldBe(new KeyValuePair<string, string>("LOT-B", recorded["LOT-B"]));
    }

    [Fact]
    public async Task Signings_pair_with_their_signatures_and_get_none_when_a_signing_entry_lacks_its_record_id()
    {
        var (journey, sessionId, _) = await TreatedPatientAsync();
        var firstHash = await SignAsync(journey, sessionId);
        await CorrectTreatmentAsync(journey, EventId(await journey.HistoryAsync(), "session-performed.v1"), "LOT-FHIR-FIXED");
        var secondHash = await SignAsync(journey, sessionId);
        var signings = EventIds(await journey.HistoryAsync(), "session-signed.v1");
        signings.Count.ShouldBe(2);
        secondHash.ShouldNotBe(firstHash);

        var signed = await ExportAsync(journey.Practitioner, ExportPath(journey));
        var hashes = signings.Select(signing => Convert.ToHexStringLower(Resolve<Provenance>(signed, new ResourceReference(Url(signing))).Signature.ShouldHaveSingleItem().Data!));
        hashes.ShouldBe([firstHash, secondHash]);

        await ForgetRecordIdAsync(journey, signings[0]);
        var unsure = await ExportAsync(journey.Practitioner, ExportPath(journey));

        All<Provenance>(unsure).ShouldNotContain(provenance => provenance.Id == signings[0].ToString(), "an entry without its record id has no target");
        Resolve<Provenance>(unsure, new ResourceReference(Url(signings[1]))).Signature.ShouldBeEmpty("no signature rather than the first one");
    }

    /// <summary>The timeline entry of <paramref name="eventId"/> as stored before entries kept the id of their record.</summary>
    private async Task ForgetRecordIdAsync(Journey journey, Guid eventId)
    {
        await using var session = host.Store().LightweightSession(journey.Clinic);
        var stored = (await session.Query<TimelineDocument>().Where(d => d.PatientId == journey.PatientId).ToListAsync())
            .Single(document => document.Entry.EventId == eventId);
        session.Store(stored with { Entry = stored.Entry with { RecordId = null } });
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task The_export_is_recorded_in_the_access_log_before_it_is_answered()
    {
        var journey = await new Journey(host).RegisterPatientAsync();

        await ExportAsync(journey.Client(ClinicRoles.Regulator), ExportPath(journey));
        await host.WaitForProjectionsAsync();

        var view = (await AuditTrail.EntriesAsync(journey.Admin, $"&patientId={journey.PatientId}&type=record-viewed")).ShouldHaveSingleItem();
        view["summary"]!.GetValue<string>().ShouldBe("Viewed patient-fhir-export");
        view["actorRole"]!.GetValue<string>().ShouldBe(ClinicRoles.Regulator);
    }

    [Fact]
    public async Task An_unknown_patient_is_404_and_roles_without_history_access_are_403()
    {
        var journey = await new Journey(host).RegisterPatientAsync();

        await journey.Practitioner.GetProblemAsync($"/api/patients/{Guid.NewGuid()}/fhir", HttpStatusCode.NotFound, "patient-not-found");
        await journey.Reception.GetProblemAsync(ExportPath(journey), HttpStatusCode.Forbidden, "forbidden");
        await journey.Client(ClinicRoles.Analyst).GetProblemAsync(ExportPath(journey), HttpStatusCode.Forbidden, "forbidden");
    }
}
