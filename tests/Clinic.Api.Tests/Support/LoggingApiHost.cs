using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;

namespace Clinic.Api.Tests.Support;

/// <summary>
/// The API with the log notifier on beside the webhook subscriber of <see cref="MessagingApiHost"/>, logging at the
/// levels the shipped appsettings.json sets (Information, ASP.NET Core and Npgsql at Warning), everything it logs kept
/// in <see cref="Logs"/>.
/// </summary>
public sealed class LoggingApiHost : MessagingApiHost
{
    public CapturedLogs Logs { get; } = new();

    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => base.ExtraSettings().Concat(new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Npgsql"] = "Warning",
        ["Notifications:Log"] = "true",
    });

    protected override void Configure(WebApplicationBuilder builder) => builder.Logging.AddProvider(Logs);
}
