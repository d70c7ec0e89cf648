using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Corrections;

/// <summary>A record is never edited: a correction is a new event naming the one it corrects, and the history shows both.</summary>
public class CorrectionTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task A_corrected_screening_sits_beside_the_original_and_changes_eligibility()
    {
        var journey = await ScreenedAsync();
        var screening = await ScreeningEventAsync(journey);

        var correction = await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = screening, reason = "Pregnancy test came back positive", values = Journey.Screening(pregnant: true) });

        correction["corrects"]!.GetValue<Guid>().ShouldBe(screening);
        correction["recorded"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["screening-corrected.v1"]);
        var history = await journey.HistoryAsync();
        Journey.Types(history).ShouldBe(["patient-registered.v1", "patient-screened.v1", "screening-corrected.v1"]);
        var original = Journey.Entry(history, "patient-screened.v1");
        var corrected = Journey.Entry(history, "screening-corrected.v1");
        original["correctedBy"]!.AsArray().Select(id => id!.GetValue<Guid>()).ShouldBe([corrected["eventId"]!.GetValue<Guid>()]);
        original["summary"]!.GetValue<string>().ShouldContain("eligible until");
        corrected["corrects"]!.GetValue<Guid>().ShouldBe(screening);
        corrected["reason"]!.GetValue<string>().ShouldBe("Pregnancy test came back positive");
        corrected["summary"]!.GetValue<string>().ShouldContain("ineligible (pregnant)");
        history["status"]!["eligibility"]!["outcome"]!.GetValue<string>().ShouldBe("ineligible");
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/treatment-plans", Journey.Plan(), Unprocessable, "not-eligible");
    }

    [Fact]
    public async Task A_correction_of_a_correction_chains_and_the_latest_values_count()
    {
        var journey = await ScreenedAsync();
        var screening = await ScreeningEventAsync(journey);
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = screening, reason = "Wrong patient's answers", values = Journey.Screening(liverDisorder: true) });
        var firstCorrection = Journey.Entry(await journey.HistoryAsync(), "screening-corrected.v1")["eventId"]!.GetValue<Guid>();

        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = firstCorrection, reason = "Liver tests were normal after all", values = Journey.Screening() });

        var history = await journey.HistoryAsync();
        history["status"]!["eligibility"]!["outcome"]!.GetValue<string>().ShouldBe("eligible");
        history["timeline"]!.AsArray().Count(e => e!["corrects"]?.GetValue<Guid>() == firstCorrection).ShouldBe(1);
        await journey.Practitioner.CreateAsync($"{journey.PatientPath}/treatment-plans", Journey.Plan());
    }

    [Fact]
    public async Task A_screening_corrected_with_the_blood_and_urine_test_lets_the_patient_be_treated()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync(Journey.Screening(tested: false));
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/treatment-plans", Journey.Plan(), Unprocessable, "screening-incomplete");

        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = await ScreeningEventAsync(journey), reason = "The lab results were left off", values = Journey.Screening() });

        Journey.Entry(await journey.HistoryAsync(), "screening-corrected.v1")["summary"]!.GetValue<string>()
            .ShouldContain($"blood and urine test on {Journey.Today.AddDays(-1):yyyy-MM-dd}");
        await journey.Practitioner.CreateAsync($"{journey.PatientPath}/treatment-plans", Journey.Plan());
    }

    [Fact]
    public async Task Correcting_an_unknown_event_or_another_patients_event_is_404_event_not_found()
    {
        var journey = await ScreenedAsync();
        var other = new Journey(host, journey.Clinic);
        await other.RegisterPatientAsync();
        var screening = await ScreeningEventAsync(journey);

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = Guid.NewGuid(), reason = "Typo", values = Journey.Screening() }, HttpStatusCode.NotFound, "event-not-found");
        await other.Practitioner.PostProblemAsync($"{other.PatientPath}/corrections",
            new { eventId = screening, reason = "Typo", values = Journey.Screening() }, HttpStatusCode.NotFound, "event-not-found");
        await journey.Practitioner.PostProblemAsync($"/api/patients/{Guid.NewGuid()}/corrections",
            new { eventId = screening, reason = "Typo", values = Journey.Screening() }, HttpStatusCode.NotFound, "patient-not-found");
    }

    [Theory]
    [InlineData("\"pregnant\"")]
    [InlineData("""{"screenedOn": "2025-01-01"}""")]
    [InlineData("""{"screenedOn": "yesterday", "pregnant": false, "breastfeeding": false, "insulinDependentDiabetes": false, "cancerOnMultiDrugTherapy": false, "heartDiseaseOnMultiDrugTherapy": false, "strokeHistory": false, "liverDisorder": false, "kidneyDisorder": false}""")]
    [InlineData("""{"firstName": "Maria", "lastName": "Lopez", "dateOfBirth": "1990-04-02", "sex": "female"}""")]
    [InlineData("null")]
    public async Task Corrected_values_not_in_the_shape_of_the_corrected_record_are_400(string values)
    {
        var journey = await ScreenedAsync();
        var screening = await ScreeningEventAsync(journey);

        await journey.Practitioner.PostRawProblemAsync($"{journey.PatientPath}/corrections",
            $$"""{"eventId": "{{screening}}", "reason": "Typo", "values": {{values}}}""", HttpStatusCode.BadRequest, "malformed-correction");
    }

    [Fact]
    public async Task A_correction_needs_a_reason()
    {
        var journey = await ScreenedAsync();
        var screening = await ScreeningEventAsync(journey);

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = screening, reason = " ", values = Journey.Screening(pregnant: true) }, Unprocessable, "reason-required");
        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = screening, values = Journey.Screening(pregnant: true) }, HttpStatusCode.BadRequest, "malformed-request");
        Journey.Types(await journey.HistoryAsync()).ShouldNotContain("screening-corrected.v1");
    }

    [Fact]
    public async Task An_event_that_records_nothing_correctable_is_refused_not_correctable()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScheduleAsync(Journey.Slot(3));
        var scheduled = Journey.Entry(await journey.HistoryAsync(), "session-scheduled.v1")["eventId"]!.GetValue<Guid>();

        var problem = await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/corrections",
            new { eventId = scheduled, reason = "Wrong time", values = new { startsAt = Journey.Slot(4) } }, Unprocessable, "not-correctable");

        problem["detail"]!.GetValue<string>().ShouldContain("/api/sessions/{id}/reschedule");
    }

    [Fact]
    public async Task A_corrected_session_record_keeps_the_original_lot_number_on_record()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3));
        var performed = Journey.Entry(await journey.HistoryAsync(), "session-performed.v1");
        var record = Journey.CorrectedTreatment(Journey.Performed(Journey.Slot(3)));
        record["products"]![0]!["lotNumber"] = "LOT-78";

        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections",
            new { eventId = performed["eventId"]!.GetValue<Guid>(), reason = "Lot misread from the vial", values = record });

        var history = await journey.HistoryAsync();
        Journey.Entry(history, "session-performed.v1")["summary"]!.GetValue<string>().ShouldContain("lot LOT-77");
        Journey.Entry(history, "session-record-corrected.v1")["summary"]!.GetValue<string>().ShouldContain("lot LOT-78");
    }

    private async Task<Journey> ScreenedAsync()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        return journey;
    }

    private static async Task<Guid> ScreeningEventAsync(Journey journey) =>
        Journey.Entry(await journey.HistoryAsync(), "patient-screened.v1")["eventId"]!.GetValue<Guid>();
}
