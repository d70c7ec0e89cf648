namespace Clinic.Domain.Practitioners;

public interface IPractitionerCommand
{
    Guid PractitionerId { get; }
}
