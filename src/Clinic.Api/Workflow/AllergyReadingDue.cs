using Wolverine.Attributes;

namespace Clinic.Api.Workflow;

/// <summary>Scheduled when an allergy test is applied (or its application corrected), for when its reading falls due.</summary>
[MessageIdentity("allergy-reading-due.v2")]
public sealed record AllergyReadingDue(Guid PatientId, Guid TestId, DateTimeOffset DueAt) : ITimer;
