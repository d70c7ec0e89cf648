using System.Net;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Faults;

/// <summary>
/// A session booked through an API process, whose clock cannot be moved as <see cref="Journey"/> moves a test host's:
/// the patient's allergy test dose was applied two days ago and read clean a day later, both in the past.
/// </summary>
public static class ProcessJourney
{
    /// <summary>Registers a practitioner and a patient ready for treatment at <paramref name="clinic"/>, and books a session at <paramref name="startsAt"/>.</summary>
    public static async Task<Guid> BookSessionAsync(ApiProcess api, string clinic, DateTimeOffset startsAt)
    {
        using var admin = api.Client("clinic-admin", clinic);
        using var reception = api.Client("receptionist", clinic);
        using var practitioner = api.Client("practitioner", clinic);
        var doseAt = DateTimeOffset.UtcNow.AddDays(-2);
        var practitionerId = await admin.CreateAsync("/api/practitioners", Journey.NewPractitioner(DateOnly.FromDateTime(doseAt.UtcDateTime).AddYears(2)));
        var patientId = await reception.CreateAsync("/api/patients", Journey.NewPatient(new DateOnly(1990, 4, 2)));
        var patientPath = $"/api/patients/{patientId}";
        await practitioner.PostOkAsync($"{patientPath}/screenings", Journey.Screening(screenedOn: DateOnly.FromDateTime(doseAt.UtcDateTime)));
        await practitioner.CreateAsync($"{patientPath}/consents", new { scope = new[] { "face" }, formVersion = "v3", signedAt = doseAt.AddMinutes(-30) });
        var testId = await practitioner.CreateAsync($"{patientPath}/allergy-tests",
            new { substances = new[] { "lidocaine", "hyaluronic acid" }, appliedAt = doseAt });
        await practitioner.PostOkAsync($"{patientPath}/allergy-tests/{testId}/reading",
            new { readAt = doseAt.AddDays(1), reaction = false, reactedSubstances = Array.Empty<string>() }, HttpStatusCode.OK);
        var planId = await practitioner.CreateAsync($"{patientPath}/treatment-plans", Journey.Plan());
        return await reception.CreateAsync("/api/sessions", new { patientId, planId, practitionerId, startsAt, durationMinutes = 30 });
    }
}
