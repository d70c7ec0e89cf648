using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.ClinicPolicies;

internal static class PolicyEndpoints
{
    public static void MapClinicPolicy(this RouteGroupBuilder api)
    {
        var policy = api.MapGroup("/clinic/policy").WithTags("Clinic policy");

        policy.MapGet("/", async (ClinicRequest request, CancellationToken ct) => Results.Ok(await request.PolicyAsync(ct)))
            .Returns<ClinicPolicy>().RequireAuthorization(Permissions.RegisterPatients);

        policy.MapPut("/", async (PolicyRequest body, ClinicRequest request, CancellationToken ct) =>
            await request.SendAsync<IClinicCommand>(new SetClinicPolicy(request.User.ClinicId, body.ToPolicy()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.ManagePolicy);
    }
}
