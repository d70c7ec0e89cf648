using Clinic.Api.AllergyTests;
using Clinic.Api.Audit;
using Clinic.Api.ClinicPolicies;
using Clinic.Api.Consent;
using Clinic.Api.Corrections;
using Clinic.Api.Dashboard;
using Clinic.Api.DeadLetters;
using Clinic.Api.History;
using Clinic.Api.Http;
using Clinic.Api.Patients;
using Clinic.Api.Practitioners;
using Clinic.Api.Schedules;
using Clinic.Api.Screening;
using Clinic.Api.Sessions;
using Clinic.Api.SideEffects;
using Clinic.Api.TreatmentPlans;

namespace Clinic.Api.Hosting;

internal static class ApiEndpoints
{
    public static void MapClinicApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireInstantsWithOffset();
        api.MapPractitioners();
        api.MapSchedules();
        api.MapSessions();
        api.MapCorrections();
        api.MapClinicPolicy();
        api.MapAudit();
        api.MapDashboard();
        api.MapDeadLetters();

        var patients = api.MapPatients();
        patients.MapScreenings();
        patients.MapConsents();
        patients.MapAllergyTests();
        patients.MapTreatmentPlans();
        patients.MapSideEffects();
        patients.MapHistory();
    }
}
