namespace Clinic.EventStore.Projections;

public enum ProjectionLifecycle
{
    /// <summary>In the appending transaction: readers see the documents as soon as the append commits.</summary>
    Inline,

    /// <summary>In the projection daemon, shortly after commit, never skipping or repeating an event.</summary>
    Async,
}
