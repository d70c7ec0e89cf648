using System.Net;
using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.History;

/// <summary>A patient's history now, or as it stood at an earlier moment (<c>asOf</c>, by the database's recording time).</summary>
public class PatientHistoryTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task AsOf_shows_the_record_as_it_stood_before_a_later_screening()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        var eligibleAt = At(Journey.Entry(await journey.HistoryAsync(), "patient-screened.v1"));
        await journey.ScreenAsync(Journey.Screening(pregnant: true));

        var then = await journey.HistoryAsync(eligibleAt);
        var now = await journey.HistoryAsync();

        then["asOf"]!.GetValue<DateTimeOffset>().ShouldBe(DateTimeOffset.Parse(eligibleAt));
        then["version"]!.GetValue<long>().ShouldBe(2);
        Journey.Types(then).ShouldBe(["patient-registered.v1", "patient-screened.v1"]);
        then["status"]!["eligibility"]!["outcome"]!.GetValue<string>().ShouldBe("eligible");
        now["version"]!.GetValue<long>().ShouldBe(3);
        now["status"]!["eligibility"]!["outcome"]!.GetValue<string>().ShouldBe("ineligible");
        now["status"]!["eligibility"]!["reasons"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["pregnant"]);
    }

    [Fact]
    public async Task AsOf_before_a_correction_shows_the_original_uncorrected()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        var screened = Journey.Entry(await journey.HistoryAsync(), "patient-screened.v1");
        await journey.Practitioner.PostOkAsync($"{journey.PatientPath}/corrections", new
        {
            eventId = screened["eventId"]!.GetValue<Guid>(), reason = "Stroke history was left out", values = Journey.Screening(strokeHistory: true),
        });

        var then = await journey.HistoryAsync(At(screened));

        Journey.Types(then).ShouldNotContain("screening-corrected.v1");
        Journey.Entry(then, "patient-screened.v1")["correctedBy"]!.AsArray().ShouldBeEmpty();
        then["status"]!["eligibility"]!["outcome"]!.GetValue<string>().ShouldBe("eligible");
        (await journey.HistoryAsync())["status"]!["eligibility"]!["outcome"]!.GetValue<string>().ShouldBe("ineligible");
    }

    [Fact]
    public async Task AsOf_before_the_patient_was_registered_is_404()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        var registeredAt = DateTimeOffset.Parse(At(Journey.Entry(await journey.HistoryAsync(), "patient-registered.v1")));

        await journey.Practitioner.GetProblemAsync($"{journey.PatientPath}/history?asOf={Query.Instant(registeredAt.AddTicks(-10))}",
            HttpStatusCode.NotFound, "patient-not-found");
    }

    [Fact]
    public async Task The_history_of_an_unknown_patient_is_404()
    {
        var journey = new Journey(host);

        await journey.Practitioner.GetProblemAsync($"/api/patients/{Guid.NewGuid()}/history", HttpStatusCode.NotFound, "patient-not-found");
    }

    [Fact]
    public async Task Each_timeline_entry_says_who_did_what_when_and_why_without_personal_details()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        await journey.Reception.PostOkAsync($"/api/sessions/{session}/cancel", new { reason = "Patient is ill" }, HttpStatusCode.OK);

        var history = await journey.HistoryAsync();

        var registered = Journey.Entry(history, "patient-registered.v1");
        registered["by"]!.GetValue<string>().ShouldBe("receptionist-user");
        registered["role"]!.GetValue<string>().ShouldBe("receptionist");
        registered["version"]!.GetValue<long>().ShouldBe(1);
        Journey.Entry(history, "session-cancelled.v1")["reason"]!.GetValue<string>().ShouldBe("Patient is ill");
        history["timeline"]!.AsArray().Select(e => e!["summary"]!.GetValue<string>()).ShouldAllBe(summary => !summary.Contains("Lopez") && !summary.Contains("Maria"));
    }

    [Fact]
    public async Task The_performed_session_in_the_timeline_shows_its_delivery_duration_anesthetic_time_and_aftercare_list()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        using (journey.AfterSession(Journey.Slot(3)))
            await journey.Practitioner.PostOkAsync($"/api/sessions/{session}/performed",
                Journey.Performed(Journey.Slot(3), durationMinutes: 25, aftercare: ["no-water", "report-infection"]), HttpStatusCode.OK);

        var summary = Journey.Entry(await journey.HistoryAsync(), "session-performed.v1")["summary"]!.GetValue<string>();

        summary.ShouldContain("; needle manual 2 mm, nappage, face; ");
        summary.ShouldEndWith($"; 25 min, anesthetic cream at {Journey.Slot(3).AddMinutes(-35):u}, aftercare no-water, report-infection");
    }

    /// <summary>When the entry was recorded, as the API wrote it (to the microsecond), ready for <c>asOf</c>.</summary>
    private static string At(JsonNode entry) => entry["at"]!.GetValue<string>();
}
