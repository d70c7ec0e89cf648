using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Practitioners;

namespace Clinic.Api.Practitioners;

public sealed record PractitionerRequest
{
    [MaxLength(RequestLimits.Name)]
    public required string Name { get; init; }
    public required Profession Profession { get; init; }
    [MaxLength(RequestLimits.Name)]
    public required string LicenceNumber { get; init; }
    public required DateOnly LicenceExpiresOn { get; init; }

    /// <summary>The practitioner's user: the <c>sub</c> of their token, with which they record the sessions booked with them.</summary>
    [MaxLength(RequestLimits.Name)]
    public required string UserId { get; init; }

    public PractitionerDetails ToDetails() => new(Name, Profession, LicenceNumber, LicenceExpiresOn, UserId);
}

internal static class RegisterPractitionerEndpoint
{
    public static void MapRegisterPractitioner(this RouteGroupBuilder practitioners) =>
        practitioners.MapPost("/", async (PractitionerRequest body, ClinicUser user, CommandSender commands, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPractitionerCommand>(new RegisterPractitioner(id, user.ClinicId, body.ToDetails()), r => r.Created($"/api/practitioners/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.ManagePractitioners);
}
