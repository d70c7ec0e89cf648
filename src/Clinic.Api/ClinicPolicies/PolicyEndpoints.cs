using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.ClinicPolicies;

internal static class PolicyEndpoints
{
    public static void MapClinicPolicy(this RouteGroupBuilder api)
    {
        var policy = api.MapGroup("/clinic/policy").WithTags("Clinic policy");

        policy.MapGet("/", async (ClinicReads reads, CancellationToken ct) => Results.Ok(await reads.PolicyAsync(ct)))
            .Returns<ClinicPolicy>().RequireAuthorization(Permissions.RegisterPatients);

        policy.MapPut("/", async (PolicyRequest body, ClinicUser user, CommandSender commands, CancellationToken ct) =>
            await commands.SendAsync<IClinicCommand>(new SetClinicPolicy(user.ClinicId, body.ToPolicy()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.ManagePolicy);
    }
}
