using Clinic.Domain.Practitioners;

namespace Clinic.Domain.Corrections;

public sealed record CorrectPractitionerDetails(
    Guid PractitionerId,
    Guid CorrectedEventId,
    string Reason,
    PractitionerDetails Details) : IPractitionerCommand, ICorrection;
