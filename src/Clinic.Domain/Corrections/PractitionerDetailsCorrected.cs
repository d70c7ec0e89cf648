using Clinic.Domain.Practitioners;

namespace Clinic.Domain.Corrections;

public sealed record PractitionerDetailsCorrected(
    Guid PractitionerId,
    Guid CorrectedEventId,
    string Reason,
    PractitionerDetails Details) : IPractitionerEvent, ICorrection;
