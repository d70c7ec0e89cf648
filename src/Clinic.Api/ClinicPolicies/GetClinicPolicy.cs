using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.ClinicPolicies;

internal static class GetClinicPolicyEndpoint
{
    public static void MapGetClinicPolicy(this RouteGroupBuilder policy) =>
        policy.MapGet("/", async (ClinicReads reads, CancellationToken ct) => Results.Ok(await reads.PolicyAsync(ct)))
            .Returns<ClinicPolicy>().RequireAuthorization(Permissions.RegisterPatients);
}
