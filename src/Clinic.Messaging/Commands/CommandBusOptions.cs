namespace Clinic.Messaging.Commands;

public sealed class CommandBusOptions
{
    /// <summary>How many times a command is decided again on fresh state after a concurrency conflict before it is rejected.</summary>
    public int ConcurrencyRetries { get; set; } = 3;
}
