using System.Net;
using System.Net.Http.Json;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Auth;

/// <summary>The role table of Auth/Permissions.cs, enforced on every endpoint: each denial is a 403 <c>forbidden</c>.</summary>
public class RoleTests(ApiHost host) : IClassFixture<ApiHost>
{
    /// <summary>Every /api endpoint with the permission it needs; ids in braces are filled with unknown ids.</summary>
    private static readonly (string Method, string Path, string Permission)[] Endpoints =
    [
        ("POST", "/api/patients", Permissions.RegisterPatients),
        ("GET", "/api/clinic/policy", Permissions.RegisterPatients),
        ("PUT", "/api/clinic/policy", Permissions.ManagePolicy),
        ("POST", "/api/practitioners", Permissions.ManagePractitioners),
        ("POST", "/api/practitioners/{practitionerId}/licence", Permissions.ManagePractitioners),
        ("POST", "/api/practitioners/{practitionerId}/corrections", Permissions.ManagePractitioners),
        ("GET", "/api/practitioners/{practitionerId}/schedule", Permissions.ReadSchedules),
        ("POST", "/api/sessions", Permissions.BookSessions),
        ("POST", "/api/sessions/{sessionId}/reschedule", Permissions.BookSessions),
        ("POST", "/api/sessions/{sessionId}/cancel", Permissions.BookSessions),
        ("POST", "/api/sessions/{sessionId}/no-show", Permissions.BookSessions),
        ("POST", "/api/sessions/{sessionId}/performed", Permissions.RecordCare),
        ("POST", "/api/sessions/{sessionId}/signature", Permissions.RecordCare),
        ("GET", "/api/sessions/{sessionId}/signature", Permissions.ReadHistory),
        ("POST", "/api/patients/{patientId}/screenings", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/consents", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/allergy-tests", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/allergy-tests/{testId}/reading", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/treatment-plans", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/treatment-plans/{planId}/stop", Permissions.StopTreatment),
        ("POST", "/api/patients/{patientId}/side-effects", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/side-effects/{sideEffectId}/resolution", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/side-effects/{sideEffectId}/review", Permissions.ReviewSideEffects),
        ("POST", "/api/patients/{patientId}/side-effects/{sideEffectId}/review/signature", Permissions.ReviewSideEffects),
        ("GET", "/api/patients/{patientId}/side-effects/{sideEffectId}/review/signature", Permissions.ReadHistory),
        ("POST", "/api/patients/{patientId}/side-effects/{sideEffectId}/regulator-notification", Permissions.RecordCare),
        ("POST", "/api/patients/{patientId}/corrections", Permissions.RecordCare),
        ("GET", "/api/patients/{patientId}/history", Permissions.ReadHistory),
        ("GET", "/api/patients/{patientId}/fhir", Permissions.ReadHistory),
        ("GET", "/api/audit", Permissions.ReadAudit),
        ("GET", "/api/dashboard", Permissions.ReadDashboard),
        ("GET", "/api/lots/{lotNumber}/recipients", Permissions.RecallLots),
        ("GET", "/api/admin/dead-letters", Permissions.ManageMessages),
        ("POST", "/api/admin/dead-letters/{id}/replay", Permissions.ManageMessages),
        ("GET", "/api/integrity", Permissions.ReadIntegrity),
        ("POST", "/api/integrity/checkpoints", Permissions.TakeCheckpoints),
        ("GET", "/api/integrity/checkpoints/latest", Permissions.ReadIntegrity),
        ("POST", "/api/patients/{patientId}/erasure", Permissions.ErasePatients),
        ("GET", "/api/retention/due", Permissions.ErasePatients),
    ];

    public static TheoryData<string, string, string> Denials => Cases(allowed: false);

    public static TheoryData<string, string, string> Grants => Cases(allowed: true);

    [Fact]
    public void The_endpoint_list_above_is_every_api_endpoint_with_the_permission_it_requires()
    {
        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/api"))
            .SelectMany(endpoint => endpoint.Metadata.GetOrderedMetadata<HttpMethodMetadata>().SelectMany(m => m.HttpMethods)
                .Select(method => $"{method} {ApiPaths.Normalize(endpoint.RoutePattern.RawText!)} {Policy(endpoint)}"));

        mapped.Order().ShouldBe(Endpoints.Select(e => $"{e.Method} {e.Path} {e.Permission}").Order());
    }

    [Theory]
    [MemberData(nameof(Denials))]
    public async Task A_role_the_table_does_not_allow_is_403_forbidden(string method, string path, string role)
    {
        var response = await SendAsync(method, path, role);

        await HttpJson.ProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
    }

    [Theory]
    [MemberData(nameof(Grants))]
    public async Task A_role_the_table_allows_gets_past_authorization(string method, string path, string role)
    {
        var response = await SendAsync(method, path, role);

        response.StatusCode.ShouldNotBe(HttpStatusCode.Forbidden, await response.Content.ReadAsStringAsync());
        response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_receptionist_books_but_cannot_screen_read_a_history_or_review()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, Journey.Slot(4));

        await journey.Reception.PostProblemAsync($"{journey.PatientPath}/screenings", Journey.Screening(), HttpStatusCode.Forbidden, "forbidden");
        await journey.Reception.GetProblemAsync($"{journey.PatientPath}/history", HttpStatusCode.Forbidden, "forbidden");
        await journey.Reception.PostProblemAsync($"{journey.PatientPath}/side-effects/{sideEffect}/review",
            new { decision = "resume", notes = "Fine" }, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_practitioner_cannot_review_override_an_interval_or_register_practitioners()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var session = await journey.PerformedSessionAsync(Journey.Slot(3));
        var sideEffect = await journey.ReportSideEffectAsync(session, serious: true, Journey.Slot(4));

        await journey.Practitioner.PostProblemAsync($"{journey.PatientPath}/side-effects/{sideEffect}/review",
            new { decision = "resume", notes = "Fine" }, HttpStatusCode.Forbidden, "forbidden");
        await journey.Practitioner.PostProblemAsync("/api/sessions",
            journey.Booking(Journey.Slot(5), intervalOverride: new { reason = "Travelling" }), HttpStatusCode.Forbidden, "override-not-allowed");
        await journey.Practitioner.PostProblemAsync("/api/practitioners", Journey.NewPractitioner(Journey.Today.AddYears(1)),
            HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A_regulator_reads_histories_schedules_and_the_audit_trail_but_writes_nothing()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        await journey.ScheduleAsync(Journey.Slot(3));
        var regulator = journey.Client(ClinicRoles.Regulator);

        var before = await regulator.GetOkAsync($"{journey.PatientPath}/history");
        before["patientId"]!.GetValue<Guid>().ShouldBe(journey.PatientId);
        await host.WaitForProjectionsAsync();
        (await regulator.GetOkAsync(Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(7))))["sessions"]!.AsArray().Count.ShouldBe(1);
        (await regulator.GetOkAsync("/api/audit"))["entries"]!.AsArray().ShouldNotBeEmpty();

        await regulator.PostProblemAsync("/api/patients", Journey.NewPatient(new DateOnly(1980, 1, 1)), HttpStatusCode.Forbidden, "forbidden");
        await regulator.PostProblemAsync($"{journey.PatientPath}/screenings", Journey.Screening(), HttpStatusCode.Forbidden, "forbidden");
        await regulator.PostProblemAsync("/api/sessions", journey.Booking(Journey.Slot(10)), HttpStatusCode.Forbidden, "forbidden");
        var after = await regulator.GetOkAsync($"{journey.PatientPath}/history");
        after["version"]!.GetValue<long>().ShouldBe(before["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task An_analyst_reads_the_dashboard_but_no_history_schedule_or_audit_trail()
    {
        var journey = await new Journey(host).ReadyForTreatmentAsync();
        var analyst = journey.Client(ClinicRoles.Analyst);
        await host.WaitForProjectionsAsync();

        var dashboard = await analyst.GetOkAsync("/api/dashboard");
        dashboard["counts"]!["patients"]!.GetValue<int>().ShouldBe(1);
        dashboard.ToJsonString().ShouldNotContain(journey.PatientId.ToString());

        await analyst.GetProblemAsync($"{journey.PatientPath}/history", HttpStatusCode.Forbidden, "forbidden");
        await analyst.GetProblemAsync(Query.Schedule(journey.PractitionerId, Journey.Slot(0), Journey.Slot(7)), HttpStatusCode.Forbidden, "forbidden");
        await analyst.GetProblemAsync("/api/audit", HttpStatusCode.Forbidden, "forbidden");
    }

    private static TheoryData<string, string, string> Cases(bool allowed)
    {
        var cases = new TheoryData<string, string, string>();
        foreach (var (method, path, permission) in Endpoints)
            foreach (var role in ClinicRoles.All.Where(role => Permissions.Allows(permission, role) == allowed))
                cases.Add(method, path, role);
        return cases;
    }

    private Task<HttpResponseMessage> SendAsync(string method, string path, string role)
    {
        var client = host.Client(role, TestClinic.Unique());
        var request = new HttpRequestMessage(new HttpMethod(method), ApiPaths.WithUnknownIds(path));
        if (method != "GET")
            request.Content = JsonContent.Create(new { });
        return client.SendAsync(request);
    }

    private static string Policy(Endpoint endpoint) =>
        string.Join(",", endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy));
}
