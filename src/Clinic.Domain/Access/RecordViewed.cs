using Clinic.Domain.Common;

namespace Clinic.Domain.Access;

/// <summary>
/// Somebody looked at records: what (<see cref="Resource"/>, and the patient when it is one patient's), who, in
/// which role, and when. Regulators' looks must be recorded (primer: "read-only, with every look recorded").
/// </summary>
public sealed record RecordViewed(string ViewerId, string ViewerRole, string Resource, Guid? PatientId, DateTimeOffset ViewedAt)
    : IDomainEvent;
