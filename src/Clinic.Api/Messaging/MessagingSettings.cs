using Wolverine;

namespace Clinic.Api.Messaging;

/// <summary>The <c>Messaging</c> section: how Wolverine retries, gives up on, and remembers what it handles.</summary>
public sealed class MessagingSettings
{
    public const string Section = "Messaging";

    /// <summary>How many times a command is decided again on fresh state after a concurrency conflict before it is answered 409.</summary>
    public int ConcurrencyRetries { get; set; } = 3;

    /// <summary>Attempts of a message (a timer, a notification) before it goes to the dead letters.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; it doubles after each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Balanced (the default): of several nodes, Wolverine's elected leader runs the scheduled-message and recovery agents,
    /// and another takes over when it dies. Solo: this node is the only one (no election wait at start).
    /// </summary>
    public DurabilityMode DurabilityMode { get; set; } = DurabilityMode.Balanced;

    /// <summary>How often Wolverine looks for scheduled messages that are due.</summary>
    public TimeSpan ScheduledPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a command's answer stays attached to its idempotency key.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    public static MessagingSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<MessagingSettings>() ?? new MessagingSettings();

    /// <summary>The waits between a message's attempts: <see cref="FirstRetryDelay"/> doubling up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan[] RetryDelays() =>
        Enumerable.Range(0, Math.Max(0, MaxAttempts - 1))
            .Select(failures => TimeSpan.FromTicks(Math.Min(MaxRetryDelay.Ticks, FirstRetryDelay.Ticks * (1L << Math.Min(failures, 30)))))
            .ToArray();
}
