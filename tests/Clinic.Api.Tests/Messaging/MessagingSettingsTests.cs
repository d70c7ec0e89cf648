using Clinic.Api.Hosting;
using Clinic.Api.Messaging;
using Microsoft.Extensions.Configuration;

namespace Clinic.Api.Tests.Messaging;

public class MessagingSettingsTests
{
    [Theory]
    [InlineData("gateway", "gateway")]
    [InlineData("log", "crm")]
    public void Two_notification_subscribers_of_one_name_are_refused_at_startup(string first, string second)
    {
        var configuration = Configuration(new()
        {
            ["Notifications:Webhooks:0:Name"] = first,
            ["Notifications:Webhooks:0:Url"] = "https://first.example.test/hook",
            ["Notifications:Webhooks:0:Secret"] = "first-secret-0123456789",
            ["Notifications:Webhooks:1:Name"] = second,
            ["Notifications:Webhooks:1:Url"] = "https://second.example.test/hook",
            ["Notifications:Webhooks:1:Secret"] = "second-secret-0123456789",
        });

        Should.Throw<InvalidOperationException>(() => MessagingSetup.Notifications(configuration))
            .Message.ShouldContain($"two subscribers named '{(first == "log" ? first : second)}'");
    }

    [Fact]
    public void The_concurrency_retries_come_from_the_messaging_section()
    {
        MessagingSettings.From(Configuration(new() { ["Messaging:ConcurrencyRetries"] = "7" })).ConcurrencyRetries.ShouldBe(7);
        MessagingSettings.From(Configuration([])).ConcurrencyRetries.ShouldBe(3);
    }

    [Fact]
    public void A_message_is_retried_after_waits_doubling_from_the_first_up_to_the_longest_then_dead_lettered()
    {
        var settings = MessagingSettings.From(Configuration(new()
        {
            ["Messaging:MaxAttempts"] = "6",
            ["Messaging:FirstRetryDelay"] = "00:00:02",
            ["Messaging:MaxRetryDelay"] = "00:00:10",
        }));

        settings.RetryDelays().ShouldBe([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)]);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
