using Clinic.Api.Auth;

namespace Clinic.Api.AllergyTests;

internal static class AllergyTestEndpoints
{
    public static void MapAllergyTests(this RouteGroupBuilder patients)
    {
        var tests = patients.MapGroup("/{patientId}/allergy-tests").WithTags("Allergy tests").RequireAuthorization(Permissions.RecordCare);
        tests.MapRecordAllergyTest();
        tests.MapReadAllergyTest();
    }
}
