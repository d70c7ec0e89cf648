using System.Text;
using System.Text.Json;
using Clinic.Messaging.Delivery;
using Microsoft.Extensions.Options;

namespace Clinic.Api.Notifications;

/// <summary>
/// Delivers a notification to its subscriber: the log (kind and clinic only), or a webhook (a signed HTTPS POST).
/// A webhook that does not answer 2xx fails the attempt, and the outbox retries it with back-off.
/// </summary>
internal sealed class NotificationDueHandler(
    NotificationSettings settings, IHttpClientFactory http, TimeProvider clock, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    ILogger<NotificationDueHandler> logger) : IMessageHandler<NotificationDue>
{
    public async Task HandleAsync(NotificationDue message, MessageContext context, CancellationToken cancellationToken)
    {
        if (message.Subscriber == NotificationSettings.LogSubscriber)
        {
            logger.LogInformation("Notification {Kind} for clinic {Clinic} (message {MessageId})",
                message.Notification.Kind, message.Notification.Clinic, context.MessageId);
            return;
        }
        var webhook = settings.Webhooks.SingleOrDefault(w => w.Name == message.Subscriber)
            ?? throw new InvalidOperationException($"No webhook named '{message.Subscriber}' is configured any more.");
        await PostAsync(webhook, message.Notification, context.MessageId, cancellationToken);
    }

    private async Task PostAsync(WebhookSubscription webhook, Notification notification, Guid messageId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { id = messageId, notification.Kind, notification.Clinic, notification.OccurredAt, notification.Data },
            json.Value.SerializerOptions);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(webhook.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.MessageIdHeader, messageId.ToString());

        using var response = await http.CreateClient(nameof(NotificationDueHandler)).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Webhook '{webhook.Name}' answered {(int)response.StatusCode}.");
    }
}
