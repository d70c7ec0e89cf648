namespace Clinic.Messaging.Delivery;

/// <summary>Exponential back-off: the first delay after the first failure, doubling after each further one, capped.</summary>
internal static class RetryDelay
{
    public static TimeSpan After(int failedAttempts, MessagingOptions options)
    {
        var doublings = Math.Min(failedAttempts - 1, 30);
        var delay = options.FirstRetryDelay.Ticks * Math.Pow(2, doublings);
        return TimeSpan.FromTicks((long)Math.Min(delay, options.MaxRetryDelay.Ticks));
    }
}
