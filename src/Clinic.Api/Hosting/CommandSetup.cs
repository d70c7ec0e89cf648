using Clinic.Api.Access;
using Clinic.Api.Commands;
using Clinic.Api.Corrections;
using Clinic.Api.History;
using Clinic.Api.Http;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Messaging.Commands;

namespace Clinic.Api.Hosting;

internal static class CommandSetup
{
    public static void AddClinicCommands(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new CommandBusOptions());
        services.AddSingleton<CorrectionHandler>();
        services.AddSingleton(provider => new HandlerRegistry()
            .Add<IPatientCommand>(new PatientCommandHandler())
            .Add<IPractitionerCommand>(new PractitionerCommandHandler())
            .Add<IClinicCommand>(new ClinicCommandHandler())
            .Add<ISessionBookingCommand>(new SessionBookingHandler())
            .Add<CorrectRecord>(provider.GetRequiredService<CorrectionHandler>())
            .Add<RecordView>(new RecordViewHandler()));
        services.AddSingleton<CommandBus>();
        services.AddSingleton<PatientHistoryProjection>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClinicRequest>();
    }
}
