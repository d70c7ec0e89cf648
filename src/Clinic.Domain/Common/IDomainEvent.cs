namespace Clinic.Domain.Common;

/// <summary>Marker of every event the domain emits. The event store names them through <see cref="EventCatalog"/>.</summary>
public interface IDomainEvent;
