namespace Clinic.Domain.Screening;

public enum ScreeningOutcome
{
    Eligible = 1,
    Ineligible = 2,
    Deferred = 3,
}
