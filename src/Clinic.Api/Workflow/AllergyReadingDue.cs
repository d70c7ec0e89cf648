namespace Clinic.Api.Workflow;

/// <summary>Scheduled when an allergy test is applied, for when its reading falls due; cancelled when it is read.</summary>
public sealed record AllergyReadingDue(Guid PatientId, Guid TestId);
