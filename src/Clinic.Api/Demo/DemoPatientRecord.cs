using Clinic.Domain.Common;
using Clinic.Domain.Patients;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Demo;

/// <summary>One demo patient's stream: every command about them shares a correlation id, so the audit trail groups them.</summary>
internal sealed class DemoPatientRecord(DemoCommands commands, int number)
{
    public Guid PatientId { get; } = Guid.CreateVersion7();
    public int Number { get; } = number;
    public string ClinicId => commands.ClinicId;

    private string CorrelationId => $"seed-demo-patient-{Number:00}";

    public Task<IReadOnlyList<IDomainEvent>> RecordAsync(IPatientCommand command, DemoActor actor, CancellationToken ct) =>
        commands.PatientAsync(command, actor, CorrelationId, ct);

    public Task<IReadOnlyList<IDomainEvent>> BookAsync(ISessionBookingCommand command, DemoActor actor, CancellationToken ct) =>
        commands.BookingAsync(command, actor, CorrelationId, ct);
}
