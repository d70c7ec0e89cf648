using Clinic.Api.Notifications;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Hosting;

/// <summary>The notification subscribers from configuration (section <c>Notifications</c>).</summary>
internal static class MessagingSetup
{
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
}
