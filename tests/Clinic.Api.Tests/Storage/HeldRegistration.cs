using Clinic.Api.Tests.Support;
using Clinic.Domain.Patients;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// A patient registered through Marten in a transaction held open: its event takes its sequence number at once, and
/// becomes visible only when the test commits it (or never, when the test rolls it back).
/// </summary>
public sealed class HeldRegistration(HeldMartenTransaction held, Guid patientId) : IAsyncDisposable
{
    public Guid PatientId { get; } = patientId;

    /// <summary>Registers a new patient with the details of <paramref name="registeredPatient"/> (already registered at the clinic).</summary>
    public static async Task<HeldRegistration> BeginAsync(ApiHost host, string clinic, Guid registeredPatient)
    {
        var patientId = Guid.NewGuid();
        var held = await HeldMartenTransaction.BeginAsync(host, clinic, async session =>
        {
            var registered = (PatientRegistered)(await session.Events.FetchStreamAsync(registeredPatient))[0].Data;
            session.Events.StartStream(patientId, registered with { PatientId = patientId });
        });
        return new HeldRegistration(held, patientId);
    }

    public Task CommitAsync() => held.CommitAsync();

    public Task RollbackAsync() => held.RollbackAsync();

    public ValueTask DisposeAsync() => held.DisposeAsync();
}
