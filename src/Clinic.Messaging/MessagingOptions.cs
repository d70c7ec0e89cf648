namespace Clinic.Messaging;

public sealed class MessagingOptions
{
    /// <summary>Message types by stable name, as for events.</summary>
    public MessageTypeRegistry MessageTypes { get; } = new();

    /// <summary>Attempts before a message goes to the dead letters.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; it doubles after each failure, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a claimed message is reserved for its dispatcher; after that another may take it (its node died).
    /// A dispatcher renews the lease of the batch it is delivering every third of it.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle dispatcher looks for due messages (a commit in this process wakes it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Most messages claimed at once.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Messages of one claimed batch handled at the same time.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>How long a reply stays attached to its idempotency key.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long the ids of handled messages are kept for de-duplication.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How often a running dispatcher forgets expired inbox ids and idempotency keys, however busy it is.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);
}
