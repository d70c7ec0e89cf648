using Clinic.Api.Database;
using Clinic.Domain.Common;

namespace Clinic.Api.Demo.Group;

/// <summary>
/// Who gave a seeded command, in the shape the handlers stamp on the events it records: the actor and role of the
/// token, the request's correlation id, the envelope's id as causation, and the reason of a correction.
/// </summary>
internal sealed record SeedCommand(string ActorId, string Role, string CorrelationId, Guid CausationId, string? Reason);

/// <summary>An event the seed decided, with the id and (microsecond) time it is stored with and the command it came from.</summary>
internal sealed record SeedEvent(Guid Id, IDomainEvent Data, DateTimeOffset Timestamp, SeedCommand Command);

/// <summary>The seed's ids: drawn from its random source, so the same seed gives the same ids.</summary>
internal sealed class SeedIds(Random random)
{
    public Guid Next()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40);
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }
}

/// <summary>Times of events in a stream as the seed stores them.</summary>
internal static class SeedTime
{
    /// <summary>The time an event is stored with in a stream whose last one is at <paramref name="last"/>: strictly after it.</summary>
    public static DateTimeOffset After(DateTimeOffset last, DateTimeOffset at)
    {
        var truncated = StoredTime.Of(at);
        return truncated > last ? truncated : last.AddTicks(TimeSpan.TicksPerMicrosecond);
    }
}
