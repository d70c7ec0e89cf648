using System.Text;
using System.Text.Json;

namespace Clinic.Api.Notifications;

/// <summary>
/// Posts notifications to one webhook subscriber as signed JSON (see <see cref="WebhookSignature"/>). An answer
/// other than 2xx, or none within the client's timeout, fails the attempt.
/// </summary>
internal sealed class WebhookNotifier(WebhookSubscription webhook, IHttpClientFactory http, TimeProvider clock, JsonSerializerOptions json) : INotifier
{
    public const string HttpClientName = nameof(WebhookNotifier);

    public string Name => webhook.Name;

    public bool Wants(string kind, string? eventType) => webhook.Wants(kind, eventType);

    public async Task NotifyAsync(Notification notification, Guid messageId, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { id = messageId, notification.Kind, notification.Clinic, notification.OccurredAt, notification.Data }, json);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString());
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(webhook.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.MessageIdHeader, messageId.ToString());

        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"Webhook '{webhook.Name}' answered {(int)response.StatusCode}.");
    }
}
