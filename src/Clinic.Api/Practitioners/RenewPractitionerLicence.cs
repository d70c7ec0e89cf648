using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Practitioners;

namespace Clinic.Api.Practitioners;

public sealed record LicenceRenewalRequest
{
    [MaxLength(RequestLimits.Name)]
    public required string LicenceNumber { get; init; }
    public required DateOnly LicenceExpiresOn { get; init; }
}

internal static class RenewPractitionerLicenceEndpoint
{
    public static void MapRenewPractitionerLicence(this RouteGroupBuilder practitioners) =>
        practitioners.MapPost("/{practitionerId}/licence", async (Guid practitionerId, LicenceRenewalRequest body, CommandSender commands, CancellationToken ct) =>
        {
            var command = new RenewPractitionerLicence(practitionerId, body.LicenceNumber, body.LicenceExpiresOn);
            return await commands.SendAsync<IPractitionerCommand>(command, r => r.Ok(), ct);
        }).Records().RequireAuthorization(Permissions.ManagePractitioners);
}
