namespace Clinic.Api.Tests.Support;

/// <summary>The API with a webhook subscriber in the test process, quick retries, and few attempts before dead letters.</summary>
public class MessagingApiHost : ApiHost
{
    public WebhookReceiver Webhook { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        Webhook = await WebhookReceiver.StartAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Webhook.DisposeAsync();
    }

    /// <summary>Attempts of a message before it is dead-lettered.</summary>
    protected virtual int MaxAttempts => 3;

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Messaging:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Notifications:Webhooks:0:Name"] = "clinic-gateway",
        ["Notifications:Webhooks:0:Url"] = Webhook.Url,
        ["Notifications:Webhooks:0:Secret"] = WebhookReceiver.Secret,
        ["Notifications:Webhooks:0:Kinds:0"] = "session-reminder",
        ["Notifications:Webhooks:0:Kinds:1"] = "side-effect-report-overdue",
        ["Notifications:Webhooks:0:Kinds:2"] = "event",
        ["Notifications:Webhooks:0:EventTypes:0"] = "side-effect-reported.v1",
    };
}
