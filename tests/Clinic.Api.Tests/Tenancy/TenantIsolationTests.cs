using System.Net;
using Clinic.Api.Auth;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Tenancy;

/// <summary>A clinic never reads or writes another clinic's patients, sessions, practitioners or audit trail, even knowing their ids.</summary>
public class TenantIsolationTests(ApiHost host) : IClassFixture<ApiHost>
{
    private const HttpStatusCode NotFound = HttpStatusCode.NotFound;

    [Fact]
    public async Task Another_clinic_cannot_read_a_patients_history_or_practitioners_schedule()
    {
        var (ours, theirs) = await TwoClinicsAsync();

        await theirs.Practitioner.GetProblemAsync($"{ours.PatientPath}/history", NotFound, "patient-not-found");
        await theirs.Client(ClinicRoles.Regulator).GetProblemAsync($"{ours.PatientPath}/history", NotFound, "patient-not-found");
        await theirs.Reception.GetProblemAsync(Query.Schedule(ours.PractitionerId, Journey.Slot(0), Journey.Slot(30)), NotFound, "practitioner-not-found");
    }

    [Fact]
    public async Task Another_clinic_cannot_write_to_a_patients_record()
    {
        var (ours, theirs) = await TwoClinicsAsync();
        var before = await ours.HistoryAsync();
        var patient = ours.PatientPath;

        await theirs.Practitioner.PostProblemAsync($"{patient}/screenings", Journey.Screening(), NotFound, "patient-not-found");
        await theirs.Practitioner.PostProblemAsync($"{patient}/consents",
            new { scope = new[] { "body" }, formVersion = "v1", signedAt = Journey.Now }, NotFound, "patient-not-found");
        await theirs.Practitioner.PostProblemAsync($"{patient}/treatment-plans", Journey.Plan(), NotFound, "patient-not-found");
        await theirs.Clinician.PostProblemAsync($"{patient}/treatment-plans/{ours.PlanId}/stop", new { reason = "Hostile" }, NotFound, "patient-not-found");
        await theirs.Practitioner.PostProblemAsync($"{patient}/corrections",
            new { eventId = Journey.Entry(before, "patient-screened.v1")["eventId"]!.GetValue<Guid>(), reason = "x", values = Journey.Screening(pregnant: true) },
            NotFound, "patient-not-found");
        await theirs.Reception.PostProblemAsync("/api/sessions", ours.Booking(Journey.Slot(20)), NotFound, "patient-not-found");

        (await ours.HistoryAsync())["version"]!.GetValue<long>().ShouldBe(before["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task Another_clinic_cannot_touch_a_session_or_book_or_manage_a_practitioner()
    {
        var (ours, theirs) = await TwoClinicsAsync();
        var session = await ours.ScheduleAsync(Journey.Slot(3));

        await theirs.Reception.PostProblemAsync($"/api/sessions/{session}/cancel", new { reason = "Hostile" }, NotFound, "session-not-found");
        await theirs.Reception.PostProblemAsync($"/api/sessions/{session}/reschedule", new { startsAt = Journey.Slot(4), reason = "Hostile" },
            NotFound, "session-not-found");
        await theirs.Practitioner.PostProblemAsync($"/api/sessions/{session}/performed", Journey.Performed(Journey.Slot(3)), NotFound, "session-not-found");
        await theirs.Reception.PostProblemAsync("/api/sessions", theirs.Booking(Journey.Slot(3), practitionerId: ours.PractitionerId),
            NotFound, "practitioner-not-found");
        await theirs.Admin.PostProblemAsync($"/api/practitioners/{ours.PractitionerId}/licence",
            new { licenceNumber = "X", licenceExpiresOn = Journey.Today.AddYears(9) }, NotFound, "practitioner-not-found");

        await host.WaitForProjectionsAsync();
        var schedule = await ours.Reception.GetOkAsync(Query.Schedule(ours.PractitionerId, Journey.Slot(0), Journey.Slot(30)));
        schedule["sessions"]!.AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("scheduled");
    }

    [Fact]
    public async Task A_clinics_audit_trail_holds_only_its_own_entries()
    {
        var (ours, theirs) = await TwoClinicsAsync();
        await theirs.Practitioner.GetOkAsync($"{theirs.PatientPath}/history");
        await host.WaitForProjectionsAsync();

        var entries = await AuditTrail.EntriesAsync(theirs.Admin);

        entries.ShouldNotBeEmpty();
        entries.ShouldAllBe(entry => entry["clinic"]!.GetValue<string>() == theirs.Clinic);
        entries.Select(entry => entry["streamId"]!.GetValue<Guid>()).ShouldNotContain(ours.PatientId);
        entries.Select(entry => entry["streamId"]!.GetValue<Guid>()).ShouldNotContain(ours.PractitionerId);
        // Their regulator's own look at the filtered trail is recorded too (and may already be projected): it is theirs.
        var filtered = await AuditTrail.EntriesAsync(theirs.Client(ClinicRoles.Regulator), $"&patientId={ours.PatientId}");
        filtered.ShouldAllBe(entry => entry["clinic"]!.GetValue<string>() == theirs.Clinic && entry["eventType"]!.GetValue<string>() == "record-viewed.v1");
    }

    /// <summary>Two clinics, each with a practitioner and a patient ready for treatment.</summary>
    private async Task<(Journey Ours, Journey Theirs)> TwoClinicsAsync()
    {
        var ours = await new Journey(host).ReadyForTreatmentAsync();
        var theirs = await new Journey(host).ReadyForTreatmentAsync();
        return (ours, theirs);
    }
}
