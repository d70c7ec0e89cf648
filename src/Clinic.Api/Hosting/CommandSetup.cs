using Clinic.Api.Access;
using Clinic.Api.Commands;
using Clinic.Api.Corrections;
using Clinic.Api.History;
using Clinic.Api.Http;
using Clinic.Api.Notifications;
using Clinic.Api.Workflow;
using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Patients;
using Clinic.Domain.Practitioners;
using Clinic.Domain.Sessions;
using Clinic.Messaging.Commands;
using Clinic.Messaging.Delivery;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Api.Hosting;

/// <summary>The command bus with every command's handler, and the dispatcher with every message's handler.</summary>
internal static class CommandSetup
{
    public static void AddClinicCommands(this IServiceCollection services, IConfiguration configuration)
    {
        // A host may bring its own clock (the API tests do); otherwise the system's.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(MessagingSetup.Notifications(configuration));
        services.AddSingleton(MessagingSetup.Notifiers);
        services.AddSingleton(MessagingSetup.CommandBus(configuration));
        services.AddSingleton<FollowUps>();
        services.AddSingleton<EventAppender>();
        services.AddSingleton<PatientCommandHandler>();
        services.AddSingleton<PractitionerCommandHandler>();
        services.AddSingleton<ClinicCommandHandler>();
        services.AddSingleton<SessionBookingHandler>();
        services.AddSingleton<CorrectionHandler>();
        services.AddSingleton(provider => new HandlerRegistry()
            .Add<IPatientCommand>(provider.GetRequiredService<PatientCommandHandler>())
            .Add<IPractitionerCommand>(provider.GetRequiredService<PractitionerCommandHandler>())
            .Add<IClinicCommand>(provider.GetRequiredService<ClinicCommandHandler>())
            .Add<ISessionBookingCommand>(provider.GetRequiredService<SessionBookingHandler>())
            .Add<CorrectRecord>(provider.GetRequiredService<CorrectionHandler>())
            .Add<RecordView>(new RecordViewHandler()));
        services.AddSingleton<CommandBus>();

        services.AddHttpClient(WebhookNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<NotificationDueHandler>();
        services.AddSingleton(provider =>
        {
            var clock = provider.GetRequiredService<TimeProvider>();
            return new MessageHandlerRegistry()
                .Add(new SendSessionReminderHandler(clock))
                .Add(new AllergyReadingDueHandler(clock))
                .Add(new ReportDeadlineReachedHandler(clock))
                .Add(provider.GetRequiredService<NotificationDueHandler>());
        });
        services.AddSingleton<MessageDispatcher>();

        services.AddHttpContextAccessor();
        services.AddScoped<ClinicRequest>();
    }
}
