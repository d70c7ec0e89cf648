namespace Clinic.Api.Access;

/// <summary>Record that the caller looked at <paramref name="Resource"/> (about one patient when <paramref name="PatientId"/> is set).</summary>
public sealed record RecordView(string Resource, Guid? PatientId, DateTimeOffset ViewedAt) : Messaging.IClinicMessage;
