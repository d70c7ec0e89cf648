using System.Text.Json.Nodes;
using Clinic.Api.Tests.Support;

namespace Clinic.Api.Tests.Faults;

/// <summary>A test's webhook receiver as the subscriber of an API process, and what it is notified of.</summary>
public static class ProcessWebhooks
{
    public const string Registered = "patient-registered.v1";

    /// <summary>The receiver as the API's one webhook subscriber, for these kinds of notification (and, for <c>event</c>, these event types).</summary>
    public static string[] Subscriber(WebhookReceiver webhook, string[] kinds, params string[] eventTypes) =>
    [
        "--Notifications:Webhooks:0:Name=clinic-gateway", $"--Notifications:Webhooks:0:Url={webhook.Url}",
        $"--Notifications:Webhooks:0:Secret={WebhookReceiver.Secret}",
        .. kinds.Select((kind, index) => $"--Notifications:Webhooks:0:Kinds:{index}={kind}"),
        .. eventTypes.Select((eventType, index) => $"--Notifications:Webhooks:0:EventTypes:{index}={eventType}"),
    ];

    public static bool IsRegistrationAt(JsonNode notification, string clinic) =>
        notification["kind"]!.GetValue<string>() == "event" && notification["clinic"]!.GetValue<string>() == clinic
        && notification["data"]!["eventType"]!.GetValue<string>() == Registered;

    public static IEnumerable<JsonNode> RemindersOf(WebhookReceiver webhook, Guid session) =>
        webhook.OfKind("session-reminder").Where(n => n["data"]!["sessionId"]!.GetValue<Guid>() == session);
}
