namespace Clinic.Api.Access;

/// <summary>
/// Record that the caller looked at <paramref name="Resource"/>: one view per patient of <paramref name="PatientIds"/>,
/// or one view of no particular patient when there is none.
/// </summary>
public sealed record RecordView(string Resource, IReadOnlyList<Guid> PatientIds, DateTimeOffset ViewedAt) : Messaging.IClinicMessage;
