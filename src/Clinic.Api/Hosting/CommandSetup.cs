using Clinic.Api.Commands;
using Clinic.Api.DeadLetters;
using Clinic.Api.Messaging;
using Clinic.Api.Notifications;
using Clinic.Api.Workflow;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Api.Hosting;

/// <summary>What command and message handlers need beside Marten and Wolverine: follow-ups, notifiers, settings, the clock.</summary>
internal static class CommandSetup
{
    public static void AddClinicCommands(this IServiceCollection services, IConfiguration configuration)
    {
        // A host may bring its own clock (the API tests do); otherwise the system's.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(MessagingSettings.From(configuration));
        services.AddSingleton(MessagingSetup.Notifications(configuration));
        services.AddSingleton(MessagingSetup.Notifiers);
        services.AddSingleton<FollowUps>();
        services.AddSingleton<CommandWriting>();
        services.AddSingleton<ClinicDeadLetters>();
        services.AddHttpClient(WebhookNotifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
    }
}
