using Clinic.EventStore.Events;
using Clinic.EventStore.Sessions;

namespace Clinic.EventStore.Projections;

/// <summary>Turns events into documents. Runs inline (in the append's transaction) or async (in the daemon).</summary>
public interface IProjection
{
    /// <summary>Stable name: the daemon keeps its checkpoint under it.</summary>
    string Name { get; }

    /// <summary>The event types it reads; it is only given events of these types.</summary>
    IReadOnlyCollection<Type> EventTypes { get; }

    /// <summary>The document types it writes and owns: a rebuild starts them over.</summary>
    IReadOnlyCollection<Type> DocumentTypes { get; }

    /// <summary>
    /// Whether it reads the events' metadata (actor, correlation...). When false, the daemon does not read it
    /// from the database and gives it <see cref="EventMetadata.None"/>.
    /// </summary>
    bool ReadsMetadata => true;

    /// <summary>
    /// Whether it reads the positions only the database gives an event: <see cref="EventEnvelope.Sequence"/>,
    /// <see cref="EventEnvelope.Timestamp"/> and <see cref="EventEnvelope.TransactionId"/>. When false, inline it
    /// runs before the append and its documents commit in the same round trip (one instead of two), on events whose
    /// positions are 0 and default.
    /// </summary>
    bool UsesEventPositions => true;

    /// <summary>Applies events of one tenant, in commit order; writes go through <paramref name="operations"/>.</summary>
    Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<EventEnvelope> events, CancellationToken cancellationToken);
}
