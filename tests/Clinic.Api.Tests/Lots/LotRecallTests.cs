using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Privacy;
using Clinic.Api.Tests.Storage;
using Clinic.Api.Tests.Support;
using Clinic.Domain.Access;

namespace Clinic.Api.Tests.Lots;

/// <summary>
/// <c>GET /api/lots/{lotNumber}/recipients</c>: every patient and performed session that received a lot, as the records
/// now stand (a corrected lot moves the session), current as soon as the record is committed.
/// </summary>
public class LotRecallTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Lists_each_patient_and_session_that_received_the_lot_and_no_other()
    {
        var (recalled, other) = (UniqueLot(), UniqueLot());
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        var firstSession = await first.PerformedSessionAsync(Journey.Slot(3), recalled);
        await first.PerformedSessionAsync(Journey.Slot(10), other);
        var secondSession = await second.PerformedSessionAsync(Journey.Slot(4), recalled);

        var recall = await first.Clinician.GetOkAsync(RecipientsPath(recalled));

        recall["lotNumber"]!.GetValue<string>().ShouldBe(recalled);
        Recipients(recall).ShouldBe([first.PatientId, second.PatientId]);
        var recipient = recall["recipients"]![0]!;
        recipient["clinicId"]!.GetValue<string>().ShouldBe(first.Clinic);
        recipient["identity"]!["lastName"]!.GetValue<string>().ShouldBe("Lopez");
        recipient["identity"]!["phone"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
        var session = recipient["sessions"]!.AsArray().Single()!;
        session["sessionId"]!.GetValue<Guid>().ShouldBe(firstSession);
        session["performedAt"]!.GetValue<DateTimeOffset>().ShouldBe(Journey.Slot(3).AddMinutes(5));
        session["practitionerId"]!.GetValue<Guid>().ShouldBe(first.PractitionerId);
        session["practitionerName"]!.GetValue<string>().ShouldBe("Dr Ana Silva");
        session["areas"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["face"]);
        var product = session["products"]!.AsArray().Single()!;
        (product["name"]!.GetValue<string>(), product["lotNumber"]!.GetValue<string>(), product["volumeMl"]!.GetValue<decimal>())
            .ShouldBe(("HA cocktail", recalled, 2.5m));
        Sessions(recall).ShouldBe([firstSession, secondSession]);
        Recipients(await first.Clinician.GetOkAsync(RecipientsPath(other))).ShouldBe([first.PatientId]);
    }

    [Fact]
    public async Task A_corrected_lot_number_moves_the_session_to_the_new_lot()
    {
        var (misread, actual) = (UniqueLot(), UniqueLot());
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3), misread);
        var performed = Journey.Entry(await journey.HistoryAsync(), "session-performed.v1")["eventId"]!.GetValue<Guid>();
        var record = Journey.CorrectedTreatment(Journey.Performed(Journey.Slot(3), products: [Journey.Product(actual)]));

        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = performed, reason = "Lot misread from the vial", values = record });

        Recipients(await journey.Clinician.GetOkAsync(RecipientsPath(misread))).ShouldBeEmpty();
        var recall = await journey.Clinician.GetOkAsync(RecipientsPath(actual));
        Sessions(recall).ShouldBe([session]);
        recall["recipients"]![0]!["sessions"]![0]!["performedAt"]!.GetValue<DateTimeOffset>().ShouldBe(Journey.Slot(3).AddMinutes(5));
    }

    [Fact]
    public async Task Lists_the_side_effects_reported_after_the_session_not_those_before()
    {
        var (earlierLot, recalled) = (UniqueLot(), UniqueLot());
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var earlier = await journey.PerformedSessionAsync(Journey.Slot(3), earlierLot);
        var before = await journey.ReportSideEffectAsync(earlier, serious: false, Journey.Slot(4));
        var session = await journey.PerformedSessionAsync(Journey.Slot(10), recalled);
        var after = await journey.ReportSideEffectAsync(session, serious: false, Journey.Slot(11));

        var recall = await journey.Clinician.GetOkAsync(RecipientsPath(recalled));
        var earlierRecall = await journey.Clinician.GetOkAsync(RecipientsPath(earlierLot));

        SideEffects(recall).ShouldBe([after]);
        SideEffects(earlierRecall).ShouldBe([before, after]);
        recall["recipients"]![0]!["sessions"]![0]!["sideEffectsAfter"]![0]!["details"]!["kind"]!.GetValue<string>().ShouldBe("bruising");
    }

    [Fact]
    public async Task Another_clinics_recipients_of_the_same_lot_are_not_listed()
    {
        var lot = UniqueLot();
        var ours = await new Journey(host).ReadyForTreatmentAsync();
        var theirs = await new Journey(host).ReadyForTreatmentAsync();
        await ours.PerformedSessionAsync(Journey.Slot(3), lot);
        await theirs.PerformedSessionAsync(Journey.Slot(3), lot);

        Recipients(await ours.Admin.GetOkAsync(RecipientsPath(lot))).ShouldBe([ours.PatientId]);
        Recipients(await ours.Client(ClinicRoles.Regulator).GetOkAsync(RecipientsPath(lot))).ShouldBe([ours.PatientId]);
        Recipients(await theirs.Admin.GetOkAsync(RecipientsPath(lot))).ShouldBe([theirs.PatientId]);
    }

    [Fact]
    public async Task A_lot_nobody_received_is_an_empty_list()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3));

        var recall = await journey.Admin.GetOkAsync(RecipientsPath("NO-SUCH-LOT"));

        recall["lotNumber"]!.GetValue<string>().ShouldBe("NO-SUCH-LOT");
        Recipients(recall).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_lot_is_matched_as_recorded_not_by_its_case()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3), "lot-abc");

        Recipients(await journey.Admin.GetOkAsync(RecipientsPath("lot-abc"))).ShouldBe([journey.PatientId]);
        Recipients(await journey.Admin.GetOkAsync(RecipientsPath("LOT-ABC"))).ShouldBeEmpty();
    }

    [Fact]
    public async Task Receptionists_practitioners_and_analysts_are_refused()
    {
        var lot = UniqueLot();
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3), lot);

        await journey.Reception.GetProblemAsync(RecipientsPath(lot), HttpStatusCode.Forbidden, "forbidden");
        await journey.Practitioner.GetProblemAsync(RecipientsPath(lot), HttpStatusCode.Forbidden, "forbidden");
        await journey.Client(ClinicRoles.Analyst).GetProblemAsync(RecipientsPath(lot), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Each_patient_listed_is_a_record_viewed_before_the_answer_and_nobody_listed_is_one_view()
    {
        var lot = UniqueLot();
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        await first.PerformedSessionAsync(Journey.Slot(3), lot);
        await second.PerformedSessionAsync(Journey.Slot(4), lot);
        var regulator = first.Client(ClinicRoles.Regulator, "recall-regulator");

        await regulator.GetOkAsync(RecipientsPath(lot));
        await regulator.GetOkAsync(RecipientsPath("NO-SUCH-LOT"));

        var views = (await StoredAudit.EventsAsync(host, first.Clinic)).Select(e => e.Data).OfType<RecordViewed>()
            .Where(view => view.ViewerId == "recall-regulator").ToList();
        views.ShouldAllBe(view => view.Resource == "lot-recipients" && view.ViewerRole == ClinicRoles.Regulator);
        views.Select(view => view.PatientId).ShouldBe([first.PatientId, second.PatientId, null]);
    }

    [Fact]
    public async Task An_erased_recipient_is_still_listed_with_her_session_and_side_effects_but_without_identity()
    {
        var patient = await DistinctivePatient.RecordedAsync(host);
        var journey = patient.Journey;
        await journey.Admin.PostOkAsync($"{journey.PatientPath}/erasure", new { reason = "Court order 2026/118", legalObligation = true }, HttpStatusCode.OK);

        var recall = await journey.Clinician.GetOkAsync(RecipientsPath("LOT-77"));

        Recipients(recall).ShouldBe([journey.PatientId]);
        recall["recipients"]![0]!["identity"].ShouldBeNull();
        Sessions(recall).ShouldBe([patient.SessionId]);
        var session = recall["recipients"]![0]!["sessions"]![0]!;
        (session["performedAt"]!.GetValue<DateTimeOffset>(), session["practitionerName"]!.GetValue<string>()).ShouldBe((Journey.Slot(3).AddMinutes(5), "Dr Ana Silva"));
        session["products"]![0]!["lotNumber"]!.GetValue<string>().ShouldBe("LOT-77");
        SideEffects(recall).ShouldBe([patient.SideEffectId]);
        session["sideEffectsAfter"]![0]!["details"]!["kind"]!.GetValue<string>().ShouldBe("bruising");
        session["sideEffectsAfter"]![0]!["details"]!["description"].ShouldBeNull("her description no longer opens");
        foreach (var value in DistinctivePatient.PersonalValues)
            recall.ToJsonString().ShouldNotContain(value);
    }

    [Fact]
    public async Task A_lot_number_longer_than_any_recorded_is_400()
    {
        var journey = new Journey(host);

        await journey.Admin.GetProblemAsync(RecipientsPath(new string('L', 201)), HttpStatusCode.BadRequest, "malformed-request");
    }

    private static string UniqueLot() => $"LOT-{Guid.NewGuid():N}"[..16];

    private static string RecipientsPath(string lotNumber) => $"/api/lots/{Uri.EscapeDataString(lotNumber)}/recipients";

    private static IReadOnlyList<Guid> Recipients(JsonNode recall) =>
        recall["recipients"]!.AsArray().Select(r => r!["patientId"]!.GetValue<Guid>()).ToList();

    private static IReadOnlyList<Guid> Sessions(JsonNode recall) =>
        recall["recipients"]!.AsArray().SelectMany(r => r!["sessions"]!.AsArray()).Select(s => s!["sessionId"]!.GetValue<Guid>()).ToList();

    private static IReadOnlyList<Guid> SideEffects(JsonNode recall) =>
        recall["recipients"]!.AsArray().SelectMany(r => r!["sessions"]!.AsArray()).SelectMany(s => s!["sideEffectsAfter"]!.AsArray())
            .Select(e => e!["sideEffectId"]!.GetValue<Guid>()).ToList();
}
