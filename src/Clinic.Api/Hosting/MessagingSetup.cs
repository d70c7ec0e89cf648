using Clinic.Api.Notifications;
using Clinic.Api.Workflow;
using Clinic.Messaging;

namespace Clinic.Api.Hosting;

/// <summary>The clinic's messages by stable name, and the messaging settings from configuration (section <c>Messaging</c>).</summary>
internal static class MessagingSetup
{
    public static MessagingOptions Options(IConfiguration configuration)
    {
        var options = new MessagingOptions();
        configuration.GetSection("Messaging").Bind(options);
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
        settings.Webhooks.ForEach(webhook => webhook.Validate());
        return settings;
    }
}
