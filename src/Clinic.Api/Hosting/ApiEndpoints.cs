using Clinic.Api.Access;
using Clinic.Api.AllergyTests;
using Clinic.Api.Audit;
using Clinic.Api.Auth;
using Clinic.Api.ClinicPolicies;
using Clinic.Api.Consent;
using Clinic.Api.Corrections;
using Clinic.Api.Dashboard;
using Clinic.Api.Erasure;
using Clinic.Api.Fhir;
using Clinic.Api.DeadLetters;
using Clinic.Api.History;
using Clinic.Api.Integrity;
using Clinic.Api.Lots;
using Clinic.Api.Http;
using Clinic.Api.Patients;
using Clinic.Api.Practitioners;
using Clinic.Api.Schedules;
using Clinic.Api.Screening;
using Clinic.Api.Sessions;
using Clinic.Api.SideEffects;
using Clinic.Api.Signatures;
using Clinic.Api.TreatmentPlans;

namespace Clinic.Api.Hosting;

/// <summary>
/// The API: a folder per capability, whose group maps each of its commands from the command's own file. An endpoint
/// takes what it uses: the caller, reads of the caller's clinic, the command sender, the access log, the clock.
/// </summary>
internal static class ApiEndpoints
{
    public static void AddClinicApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(SigningSettings.From(configuration));
        services.AddSingleton(FhirCodes.From(configuration, environment));
        services.AddHttpContextAccessor();
        services.AddScoped(provider => ClinicScope.UserOf(
            provider.GetRequiredService<IHttpContextAccessor>().HttpContext ?? throw new InvalidOperationException("No current request.")));
        services.AddScoped<ClinicReads>();
        services.AddScoped<CommandSender>();
        services.AddScoped<AccessLog>();
        services.AddScoped<RetentionReview>();
        services.AddHostedService<RetentionReviewSchedule>();
    }

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
        api.MapLots();
        api.MapDeadLetters();
        api.MapIntegrity();
        api.MapRetention();

        var patients = api.MapPatients();
        patients.MapScreenings();
        patients.MapConsents();
        patients.MapAllergyTests();
        patients.MapTreatmentPlans();
        patients.MapSideEffects();
        patients.MapHistory();
        patients.MapFhirExport();
        patients.MapErasure();
    }
}
