namespace Clinic.Benchmarks.Messages;

/// <summary>The message the dispatch workload delivers: small, like a timer's or a notification's.</summary>
public sealed record Ping(int Number, string Note)
{
    public const string TypeName = "ping.v1";
}
