namespace Clinic.Api.History;

/// <summary>One entry of a patient's timeline as stored: written once, when its event is, and never rewritten.</summary>
public sealed record TimelineDocument(Guid Id, Guid PatientId, TimelineEntry Entry);
