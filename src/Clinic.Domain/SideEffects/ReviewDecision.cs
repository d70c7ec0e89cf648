namespace Clinic.Domain.SideEffects;

public enum ReviewDecision
{
    Resume = 1,
    StopTreatment = 2,
}
