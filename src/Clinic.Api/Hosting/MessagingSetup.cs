using Clinic.Api.Notifications;
using Clinic.Api.Workflow;
using Clinic.Messaging;
using Clinic.Messaging.Commands;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Hosting;

/// <summary>The clinic's messages by stable name, and the messaging settings from configuration (section <c>Messaging</c>).</summary>
internal static class MessagingSetup
{
    private const string Section = "Messaging";

    public static MessagingOptions Options(IConfiguration configuration)
    {
        var options = new MessagingOptions();
        configuration.GetSection(Section).Bind(options);
        options.MessageTypes
            .Register<SendSessionReminder>("send-session-reminder.v1")
            .Register<AllergyReadingDue>("allergy-reading-due.v1")
            .Register<ReportDeadlineReached>("report-deadline-reached.v1")
            .Register<NotificationDue>("notification-due.v1");
        return options;
    }

    public static NotificationSettings Notifications(IConfiguration configuration)
    {
        var settings = configuration.GetSection(NotificationSettings.Section).Get<NotificationSettings>() ?? new NotificationSettings();
        settings.Validate();
        return settings;
    }

    /// <summary>The notifiers the settings select: the log's when <c>Notifications:Log</c> is on, then one per webhook.</summary>
    public static Notifiers Notifiers(IServiceProvider provider)
    {
        var settings = provider.GetRequiredService<NotificationSettings>();
        var http = provider.GetRequiredService<IHttpClientFactory>();
        var clock = provider.GetRequiredService<TimeProvider>();
        var json = provider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var webhooks = settings.Webhooks.Select(INotifier (webhook) => new WebhookNotifier(webhook, http, clock, json));
        var log = settings.Log ? [new LogNotifier(provider.GetRequiredService<ILogger<LogNotifier>>())] : Array.Empty<INotifier>();
        return new Notifiers([.. log, .. webhooks]);
    }

    /// <summary>The command bus's settings, from the <c>Messaging</c> section too (<c>Messaging:ConcurrencyRetries</c>).</summary>
    public static CommandBusOptions CommandBus(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<CommandBusOptions>() ?? new CommandBusOptions();
}
