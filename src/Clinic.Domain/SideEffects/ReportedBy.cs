namespace Clinic.Domain.SideEffects;

public enum ReportedBy
{
    Patient = 1,
    Staff = 2,
}
