namespace Clinic.Api.Patients;

internal static class PatientEndpoints
{
    /// <returns>The patients' group, under which the capabilities on one patient's record map theirs.</returns>
    public static RouteGroupBuilder MapPatients(this RouteGroupBuilder api)
    {
        var patients = api.MapGroup("/patients").WithTags("Patients");
        patients.MapRegisterPatient();
        return patients;
    }
}
