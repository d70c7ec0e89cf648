using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Sessions;

/// <summary>Rescheduling, cancelling, no-shows and performing: what each allows once, and what it refuses after.</summary>
public class SessionLifecycleTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task A_cancelled_session_cannot_be_cancelled_performed_or_moved_again()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));
        var cancelled = await journey.Reception.PostOkAsync($"/api/sessions/{session}/cancel", new { reason = "Patient is ill" }, HttpStatusCode.OK);
        cancelled["recorded"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["session-cancelled.v1", "practitioner-booking-released.v1"]);

        await journey.Reception.PostProblemAsync($"/api/sessions/{session}/cancel", new { reason = "Again" }, Unprocessable, "session-not-scheduled");
        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3)),
            Unprocessable, "session-not-scheduled");
        await journey.Reception.PostProblemAsync($"/api/sessions/{session}/reschedule", new { startsAt = Journey.Slot(4), reason = "Later" },
            Unprocessable, "session-not-scheduled");
    }

    [Fact]
    public async Task A_performed_session_is_recorded_once()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));

        await journey.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3)),
            Unprocessable, "session-not-scheduled");
        var history = await journey.HistoryAsync();
        Journey.Types(history).Count(type => type == "session-performed.v1").ShouldBe(1);
    }

    [Fact]
    public async Task A_no_show_is_recorded_after_the_session_started_and_only_once()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.ConsultedAsync(Journey.Now.AddDays(-2));
        await journey.AllergyTestAsync(appliedAt: Journey.Now.AddDays(-2));
        await journey.PlanAsync();
        var missed = await journey.ScheduleAsync(Journey.Slot(1));
        var later = await journey.ScheduleAsync(Journey.Slot(8));

        using var afterMissed = journey.AfterSession(Journey.Slot(1));
        await journey.Reception.PostProblemAsync($"/api/sessions/{later}/no-show", new { }, Unprocessable, "session-not-started");
        await journey.Reception.PostOkAsync($"/api/sessions/{missed}/no-show", new { }, HttpStatusCode.OK);
        await journey.Reception.PostProblemAsync($"/api/sessions/{missed}/no-show", new { }, Unprocessable, "session-not-scheduled");
    }

    [Fact]
    public async Task Cancelling_and_rescheduling_need_a_reason()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.ScheduleAsync(Journey.Slot(3));

        await journey.Reception.PostProblemAsync($"/api/sessions/{session}/cancel", new { reason = " " }, Unprocessable, "reason-required");
        await journey.Reception.PostProblemAsync($"/api/sessions/{session}/reschedule", new { startsAt = Journey.Slot(4), reason = "" },
            Unprocessable, "reason-required");
    }

    [Fact]
    public async Task Rescheduling_onto_the_practitioners_other_session_is_refused_practitioner_busy_and_moves_nothing()
    {
        var first = await new Journey(host).ReadyForTreatmentAsync();
        var second = await first.AnotherPatient().PatientReadyAsync();
        await first.ScheduleAsync(Journey.Slot(3));
        var moved = await second.ScheduleAsync(Journey.Slot(4));

        await second.Reception.PostProblemAsync($"/api/sessions/{moved}/reschedule", new { startsAt = Journey.Slot(3).AddMinutes(-10), reason = "Earlier" },
            HttpStatusCode.Conflict, "practitioner-busy");

        var history = await second.HistoryAsync();
        Journey.Types(history).ShouldNotContain("session-rescheduled.v1");
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("no-show")]
    [InlineData("performed")]
    [InlineData("reschedule")]
    public async Task Commands_on_an_unknown_session_are_404_session_not_found(string command)
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        object body = command switch
        {
            "performed" => Journey.Performed(Journey.Slot(3)),
            "reschedule" => new { startsAt = Journey.Slot(4), reason = "Later" },
            "cancel" => new { reason = "Any" },
            _ => new { },
        };

        await journey.Clinician.PostProblemAsync($"/api/sessions/{Guid.NewGuid()}/{command}", body, HttpStatusCode.NotFound, "session-not-found");
    }

    [Fact]
    public async Task Booking_an_unknown_patient_plan_or_practitioner_is_404()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var slot = Journey.Slot(3);

        await journey.Reception.PostProblemAsync("/api/sessions",
            new { patientId = Guid.NewGuid(), planId = journey.PlanId, practitionerId = journey.PractitionerId, startsAt = slot, durationMinutes = 30 },
            HttpStatusCode.NotFound, "patient-not-found");
        await journey.Reception.PostProblemAsync("/api/sessions",
            new { patientId = journey.PatientId, planId = Guid.NewGuid(), practitionerId = journey.PractitionerId, startsAt = slot, durationMinutes = 30 },
            HttpStatusCode.NotFound, "plan-not-found");
        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(slot, practitionerId: Guid.NewGuid()),
            HttpStatusCode.NotFound, "practitioner-not-found");
    }
}
