namespace Clinic.Domain.Sessions;

public sealed record CancelSession(
    Guid PatientId,
    Guid SessionId,
    DateTimeOffset CancelledAt,
    string Reason) : ISessionBookingCommand;
