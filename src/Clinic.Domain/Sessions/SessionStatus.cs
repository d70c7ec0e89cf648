namespace Clinic.Domain.Sessions;

public enum SessionStatus
{
    Scheduled = 1,
    Cancelled = 2,
    NoShow = 3,
    Performed = 4,
}
