namespace Clinic.Domain.Practitioners;

public enum Profession
{
    Dermatologist = 1,
    Physician = 2,
    Nurse = 3,
}
