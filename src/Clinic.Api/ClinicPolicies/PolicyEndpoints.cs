namespace Clinic.Api.ClinicPolicies;

internal static class PolicyEndpoints
{
    public static void MapClinicPolicy(this RouteGroupBuilder api)
    {
        var policy = api.MapGroup("/clinic/policy").WithTags("Clinic policy");
        policy.MapGetClinicPolicy();
        policy.MapSetClinicPolicy();
    }
}
