using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Journeys;

public class PatientJourneyTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task One_patient_goes_from_registration_to_a_reviewed_serious_side_effect_and_every_step_is_on_record()
    {
        var journey = await new Journey(host, "clinic-journey").ReadyForTreatmentAsync();
        var first = await journey.ScheduleAsync(Journey.Slot(3));
        var second = await journey.ScheduleAsync(Journey.Slot(10));
        await journey.Reception.PostOkAsync($"/api/sessions/{second}/reschedule",
            new { startsAt = Journey.Slot(12), reason = "Patient asked" }, HttpStatusCode.OK);
        using (journey.AfterSession(Journey.Slot(3)))
            await journey.Practitioner.PostOkAsync($"/api/sessions/{first}/performed",
                Journey.Performed(Journey.Slot(3).AddMinutes(5)), HttpStatusCode.OK);
        Guid sideEffect;
        using (journey.ClockAt(Journey.Slot(5, hour: 11)))
            sideEffect = await journey.Practitioner.CreateAsync($"/api/patients/{journey.PatientId}/side-effects", new
            {
                sessionId = first, kind = "infection", severity = "severe", serious = true, seriousness = new[] { "hospitalisation" },
                onsetAt = Journey.Slot(4), awareAt = Journey.Slot(5), description = "Abscess at an injection site", reportedBy = "patient",
            });

        var suspended = await journey.Practitioner.GetOkAsync($"/api/patients/{journey.PatientId}/history");
        suspended["status"]!["treatmentSuspended"]!.GetValue<bool>().ShouldBeTrue();
        var open = suspended["status"]!["openSideEffects"]!.AsArray().Single()!;
        open["awaitingReview"]!.GetValue<bool>().ShouldBeTrue();
        open["reportDueAt"]!.GetValue<DateTimeOffset>().ShouldBe(Journey.Slot(5).AddDays(15));
        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(30)),
            HttpStatusCode.UnprocessableEntity, "plan-suspended");

        await journey.Clinician.PostOkAsync($"/api/patients/{journey.PatientId}/side-effects/{sideEffect}/review",
            new { decision = "resume", notes = "Treated with antibiotics; resume with care" }, HttpStatusCode.OK);
        await journey.Reception.PostOkAsync($"/api/sessions/{second}/cancel", new { reason = "Rebooked later" }, HttpStatusCode.OK);
        await journey.ScheduleAsync(Journey.Slot(30));

        var history = await journey.Practitioner.GetOkAsync($"/api/patients/{journey.PatientId}/history");
        history["identity"]!["lastName"]!.GetValue<string>().ShouldBe("Lopez");
        var status = history["status"]!;
        status["treatmentSuspended"]!.GetValue<bool>().ShouldBeFalse();
        status["eligibility"]!["outcome"]!.GetValue<string>().ShouldBe("eligible");
        status["consentScopes"]!.AsArray().Select(s => s!.GetValue<string>()).ShouldBe(["face"]);
        status["allergy"]!["state"]!.GetValue<string>().ShouldBe("read");
        status["activePlan"]!["sessionsPerformed"]!.GetValue<int>().ShouldBe(1);
        status["activePlan"]!["sessionsScheduled"]!.GetValue<int>().ShouldBe(1);
        Journey.Types(history).ShouldBe([
            "patient-registered.v1", "patient-screened.v1", "consent-recorded.v1", "allergy-test-applied.v1", "allergy-test-read.v1",
            "treatment-plan-created.v1", "session-scheduled.v1", "session-scheduled.v1", "session-rescheduled.v1", "session-performed.v1",
            "side-effect-reported.v1", "side-effect-reviewed.v1", "session-cancelled.v1", "session-scheduled.v1",
        ]);
        var performed = Journey.Entry(history, "session-performed.v1");
        performed["summary"]!.GetValue<string>().ShouldContain("lot LOT-77");
        performed["summary"]!.GetValue<string>().ShouldEndWith($"; 30 min, anesthetic cream at {Journey.Slot(3).AddMinutes(-30):u}, aftercare {string.Join(", ", Journey.AllAftercare)}");
        performed["by"]!.GetValue<string>().ShouldBe("practitioner-user");
        performed["role"]!.GetValue<string>().ShouldBe("practitioner");
        Journey.Entry(history, "session-cancelled.v1")["reason"]!.GetValue<string>().ShouldBe("Rebooked later");

        await host.WaitForProjectionsAsync();
        var schedule = await journey.Reception.GetOkAsync(
            Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(40)));
        schedule["sessions"]!.AsArray().Select(s => s!["status"]!.GetValue<string>()).ShouldBe(["performed", "cancelled", "scheduled"]);
    }

    [Fact]
    public async Task Every_response_carries_the_correlation_id_and_every_event_records_it()
    {
        var journey = new Journey(host, "clinic-correlation");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/patients")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { firstName = "Tom", lastName = "Ng", dateOfBirth = "1985-01-01", sex = "male" }),
        };
        request.Headers.Add("X-Correlation-Id", "case-4711");

        var response = await journey.Reception.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        response.Headers.GetValues("X-Correlation-Id").Single().ShouldBe("case-4711");
        var patientId = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<Guid>();
        var history = await journey.Practitioner.GetOkAsync($"/api/patients/{patientId}/history");
        history["timeline"]![0]!["correlationId"]!.GetValue<string>().ShouldBe("case-4711");
    }
}
