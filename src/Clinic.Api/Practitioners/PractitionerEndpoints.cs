namespace Clinic.Api.Practitioners;

internal static class PractitionerEndpoints
{
    public static void MapPractitioners(this RouteGroupBuilder api)
    {
        var practitioners = api.MapGroup("/practitioners").WithTags("Practitioners");
        practitioners.MapRegisterPractitioner();
        practitioners.MapRenewPractitionerLicence();
    }
}
