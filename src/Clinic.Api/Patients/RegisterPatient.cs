using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;

namespace Clinic.Api.Patients;

public sealed record PatientRequest
{
    [MaxLength(RequestLimits.Name)]
    public required string FirstName { get; init; }
    [MaxLength(RequestLimits.Name)]
    public required string LastName { get; init; }
    public required DateOnly DateOfBirth { get; init; }
    public required Sex Sex { get; init; }
    [MaxLength(RequestLimits.Name)]
    public string? Phone { get; init; }
    [MaxLength(RequestLimits.Name)]
    public string? Email { get; init; }

    public PatientDetails ToDetails() => new(FirstName, LastName, DateOfBirth, Sex, Phone, Email);
}

internal static class RegisterPatientEndpoint
{
    public static void MapRegisterPatient(this RouteGroupBuilder patients) =>
        patients.MapPost("/", async (PatientRequest body, ClinicUser user, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPatientCommand>(new RegisterPatient(id, user.ClinicId, body.ToDetails(), clock.GetUtcNow()), r => r.Created($"/api/patients/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RegisterPatients);
}
