namespace Clinic.Domain.Patients;

public enum Sex
{
    Female = 1,
    Male = 2,
    Other = 3,
}
