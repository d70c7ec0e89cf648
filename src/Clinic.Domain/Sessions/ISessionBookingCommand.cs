namespace Clinic.Domain.Sessions;

/// <summary>
/// A command decided on the patient and the practitioner streams together, by <see cref="SessionBooking"/>.
/// </summary>
public interface ISessionBookingCommand
{
    Guid PatientId { get; }

    Guid SessionId { get; }
}
