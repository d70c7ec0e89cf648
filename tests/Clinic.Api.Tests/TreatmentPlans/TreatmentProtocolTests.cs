using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.TreatmentPlans;

/// <summary>Plans follow their indication's protocol unless a clinician deviates with a reason; intervals follow the phases and span plans.</summary>
public class TreatmentProtocolTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    private static readonly object Deviation = new { reason = "Patient travels every other week" };

    private async Task<Journey> ScreenedAsync()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        return journey;
    }

    [Fact]
    public async Task A_plan_off_protocol_needs_a_clinician_s_deviation_with_a_reason()
    {
        var journey = await ScreenedAsync();
        var plans = $"{journey.PatientPath}/treatment-plans";

        await journey.Practitioner.PostProblemAsync(plans, Journey.Plan(intervalDays: 15), Unprocessable, "off-protocol");
        await journey.Practitioner.PostProblemAsync(plans, Journey.Plan(plannedSessions: 11), Unprocessable, "off-protocol");
        await journey.Practitioner.PostProblemAsync(plans, Journey.PhasedPlan(2, 4, laterIntervalDays: 14), Unprocessable, "off-protocol");
        await journey.Practitioner.PostProblemAsync(plans, Journey.PhasedPlan(2, 4, 14, Deviation), HttpStatusCode.Forbidden, "clinician-required");
        await journey.Clinician.PostProblemAsync(plans, Journey.PhasedPlan(2, 4, 14, new { reason = " " }), Unprocessable, "reason-required");
        (await journey.HistoryAsync())["timeline"]!.AsArray().ShouldNotContain(e => e!["type"]!.GetValue<string>() == "treatment-plan-created.v1");

        await journey.PlanAsync(Journey.PhasedPlan(2, 4, 14, Deviation), journey.Clinician);

        Journey.Entry(await journey.HistoryAsync(), "treatment-plan-created.v1")["summary"]!.GetValue<string>().ShouldBe(
            "Treatment plan: skin-rejuvenation on face, nappage, 6 sessions: 2 at least 7 days apart, then 4 at least 14 days apart "
            + "(off protocol by a clinician)");
    }

    [Fact]
    public async Task A_plan_corrected_off_protocol_needs_a_clinician_s_deviation_too()
    {
        var journey = await ScreenedAsync();
        await journey.PlanAsync();
        var created = Journey.Entry(await journey.HistoryAsync(), "treatment-plan-created.v1")["eventId"]!.GetValue<Guid>();
        var corrections = $"{journey.PatientPath}/corrections";

        await journey.Practitioner.PostProblemAsync(corrections,
            new { eventId = created, reason = "Fortnightly agreed", values = Journey.Plan(intervalDays: 14) }, Unprocessable, "off-protocol");
        await journey.Practitioner.PostProblemAsync(corrections,
            new { eventId = created, reason = "Fortnightly agreed", values = Journey.PhasedPlan(2, 4, 14, Deviation) },
            HttpStatusCode.Forbidden, "clinician-required");
        await journey.Clinician.PostOkAsync(corrections,
            new { eventId = created, reason = "Fortnightly agreed", values = Journey.PhasedPlan(2, 4, 14, Deviation) });

        Journey.Entry(await journey.HistoryAsync(), "treatment-plan-corrected.v1")["summary"]!.GetValue<string>()
            .ShouldEndWith("then 4 at least 14 days apart (off protocol by a clinician)");
    }

    [Fact]
    public async Task Hair_loss_is_10_sessions_every_2_weeks_without_a_deviation()
    {
        var journey = await ScreenedAsync();

        await journey.PlanAsync(Journey.Plan(plannedSessions: 10, intervalDays: 14, area: "scalp", indication: "hair-loss"), journey.Practitioner);
    }

    [Fact]
    public async Task A_later_phase_session_waits_for_that_phase_interval()
    {
        var journey = new Journey(host);
        await journey.RegisterPractitionerAsync();
        await journey.ConsultedAsync();
        await journey.AllergyTestAsync();
        await journey.PlanAsync(Journey.PhasedPlan(2, 4, laterIntervalDays: 15), journey.Practitioner);
        await journey.PerformedSessionAsync(Journey.Slot(3));
        await journey.ScheduleAsync(Journey.Slot(10));

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(24)), Unprocessable, "interval-too-short");
        await journey.ScheduleAsync(Journey.Slot(25));
        (await journey.HistoryAsync())["status"]!["activePlan"]!["minimumIntervalDays"]!.GetValue<int>().ShouldBe(15);
    }

    [Fact]
    public async Task A_new_plan_does_not_shorten_the_wait_after_another_plan_s_session()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.PerformedSessionAsync(Journey.Slot(3));
        await journey.Clinician.PostOkAsync($"{journey.PatientPath}/treatment-plans/{journey.PlanId}/stop", new { reason = "Patient changes indication" },
            HttpStatusCode.OK);
        await journey.PlanAsync(Journey.Plan(area: "neck"), journey.Practitioner);

        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(9)), Unprocessable, "interval-too-short");
        await journey.ScheduleAsync(Journey.Slot(10));
    }
}
