namespace Clinic.EventStore.Projections;

/// <summary>The projections of a store and when each runs.</summary>
public sealed class ProjectionRegistry
{
    private readonly List<(IProjection Projection, ProjectionLifecycle Lifecycle)> _all = [];

    public ProjectionRegistry Add(IProjection projection, ProjectionLifecycle lifecycle)
    {
        if (_all.Any(p => p.Projection.Name == projection.Name))
            throw new InvalidOperationException($"A projection named '{projection.Name}' is already registered.");
        if (lifecycle == ProjectionLifecycle.Inline && projection is not IStreamProjection)
            throw new InvalidOperationException(
                $"'{projection.Name}' cannot run inline: only single-stream projections can (see IStreamProjection).");
        _all.Add((projection, lifecycle));
        return this;
    }

    public IReadOnlyList<IStreamProjection> Inline =>
        _all.Where(p => p.Lifecycle == ProjectionLifecycle.Inline).Select(p => (IStreamProjection)p.Projection).ToList();

    public IReadOnlyList<IProjection> Async =>
        _all.Where(p => p.Lifecycle == ProjectionLifecycle.Async).Select(p => p.Projection).ToList();

    public IReadOnlyList<string> Names => _all.Select(p => p.Projection.Name).ToList();

    public (IProjection Projection, ProjectionLifecycle Lifecycle) Named(string name) =>
        _all.FirstOrDefault(p => p.Projection.Name == name) is { Projection: not null } found
            ? found
            : throw new KeyNotFoundException($"No projection is named '{name}'. Known: {string.Join(", ", Names)}.");
}
