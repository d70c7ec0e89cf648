namespace Clinic.Benchmarks.Http;

/// <summary>A patient ready for treatment: screened eligible, consented, allergy test read clean, a plan of 15 sessions.</summary>
public sealed record BenchPatient(Guid Id, Guid PlanId);
