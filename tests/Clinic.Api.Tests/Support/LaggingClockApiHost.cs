using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// The API on a node whose clock is <see cref="Lag"/> behind the database's (within the 30 s that tokens allow), so
/// timers fire by the database's clock before they are due by the node's. One attempt before the dead letters.
/// </summary>
public sealed class LaggingClockApiHost : ApiHost
{
    public static readonly TimeSpan Lag = TimeSpan.FromSeconds(20);

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Messaging:MaxAttempts"] = "1",
    };

    protected override void Configure(WebApplicationBuilder builder) => builder.Services.AddSingleton<TimeProvider>(new LaggingClock());

    private sealed class LaggingClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() - Lag;
    }
}
