using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.TreatmentPlans;

public class TreatmentPlanTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode Unprocessable = HttpStatusCode.UnprocessableEntity;

    [Fact]
    public async Task A_plan_needs_a_current_eligible_screening()
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        var plans = $"{journey.PatientPath}/treatment-plans";

        await journey.Practitioner.PostProblemAsync(plans, Journey.Plan(), Unprocessable, "not-eligible");
        await journey.ScreenAsync(Journey.Screening(screenedOn: Journey.Today.AddDays(-181)));
        await journey.Practitioner.PostProblemAsync(plans, Journey.Plan(), Unprocessable, "screening-expired");
        await journey.ScreenAsync(Journey.Screening(lastNsaidDoseOn: Journey.Today));
        await journey.Practitioner.PostProblemAsync(plans, Journey.Plan(), Unprocessable, "deferred");
        await journey.ScreenAsync(Journey.Screening(strokeHistory: true));
        await journey.Practitioner.PostProblemAsync(plans, Journey.Plan(), Unprocessable, "not-eligible");
    }

    [Fact]
    public async Task A_second_plan_waits_until_the_first_is_stopped()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var plans = $"{journey.PatientPath}/treatment-plans";

        await journey.Practitioner.PostProblemAsync(plans, Journey.Plan(), Unprocessable, "plan-active");
        var stopped = await journey.Clinician.PostOkAsync($"{plans}/{journey.PlanId}/stop", new { reason = "Patient moved away" }, HttpStatusCode.OK);
        stopped["recorded"]!.AsArray().Single()!.GetValue<string>().ShouldBe("treatment-plan-stopped.v1");
        await journey.Practitioner.CreateAsync(plans, Journey.Plan(area: "neck"));
    }

    [Fact]
    public async Task A_stopped_plan_is_stopped_once_and_takes_no_more_sessions()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var stop = $"{journey.PatientPath}/treatment-plans/{journey.PlanId}/stop";
        await journey.Clinician.PostProblemAsync(stop, new { reason = "  " }, Unprocessable, "reason-required");
        await journey.Clinician.PostOkAsync(stop, new { reason = "Patient moved away" }, HttpStatusCode.OK);

        await journey.Clinician.PostProblemAsync(stop, new { reason = "Again" }, Unprocessable, "treatment-stopped");
        await journey.Reception.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(3)), Unprocessable, "treatment-stopped");
        await journey.Clinician.PostProblemAsync($"{journey.PatientPath}/treatment-plans/{Guid.NewGuid()}/stop", new { reason = "Unknown" },
            HttpStatusCode.NotFound, "plan-not-found");
    }

    [Theory]
    [InlineData(2, 7, "face")]
    [InlineData(16, 7, "face")]
    [InlineData(6, 6, "face")]
    [InlineData(6, 366, "face")]
    [InlineData(6, 7, null)]
    public async Task A_plan_outside_3_to_15_sessions_under_the_minimum_interval_or_without_areas_is_refused_invalid_plan(
        int plannedSessions, int intervalDays, string? area)
    {
        var journey = new Journey(host);
        await journey.RegisterPatientAsync();
        await journey.ScreenAsync();
        var plan = new
        {
            indication = "hair-loss", areas = area is null ? [] : new[] { area }, technique = "point-by-point", plannedSessions, intervalDays,
        };

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/treatment-plans", plan, Unprocessable, "invalid-plan");
    }

    [Fact]
    public async Task A_plan_for_an_unknown_patient_is_404()
    {
        var journey = new Journey(host);

        await journey.Practitioner.PostProblemAsync($"/api/patients/{Guid.NewGuid()}/treatment-plans", Journey.Plan(),
            HttpStatusCode.NotFound, "patient-not-found");
    }
}
