using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Practitioners;

namespace Clinic.Api.Practitioners;

internal static class PractitionerEndpoints
{
    public static void MapPractitioners(this RouteGroupBuilder api)
    {
        var practitioners = api.MapGroup("/practitioners").WithTags("Practitioners");

        practitioners.MapPost("/", async (PractitionerRequest body, ClinicUser user, CommandSender commands, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            return await commands.SendAsync<IPractitionerCommand>(new RegisterPractitioner(id, user.ClinicId, body.ToDetails()), r => r.Created($"/api/practitioners/{id}", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.ManagePractitioners);

        practitioners.MapPost("/{practitionerId}/licence", async (Guid practitionerId, LicenceRenewalRequest body, CommandSender commands, CancellationToken ct) =>
        {
            var command = new RenewPractitionerLicence(practitionerId, body.LicenceNumber, body.LicenceExpiresOn);
            return await commands.SendAsync<IPractitionerCommand>(command, r => r.Ok(), ct);
        }).Records().RequireAuthorization(Permissions.ManagePractitioners);
    }
}
