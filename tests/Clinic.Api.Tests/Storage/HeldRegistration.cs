using Clinic.Api.Tests.Support;
using Clinic.Domain.Patients;
using Marten;
using Marten.Services;
using Npgsql;

namespace Clinic.Api.Tests.Storage;

/// <summary>
/// A patient registered through Marten in a transaction held open: its event takes its sequence number at once, and
/// becomes visible only when the test commits it (or never, when the test rolls it back).
/// </summary>
public sealed class HeldRegistration : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private HeldRegistration(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid patientId)
    {
        _connection = connection;
        _transaction = transaction;
        PatientId = patientId;
    }

    public Guid PatientId { get; }

    /// <summary>Registers a new patient with the details of <paramref name="registeredPatient"/> (already registered at the clinic).</summary>
    public static async Task<HeldRegistration> BeginAsync(ApiHost host, string clinic, Guid registeredPatient)
    {
        var connection = new NpgsqlConnection(host.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        var transaction = await connection.BeginTransactionAsync();
        var options = SessionOptions.ForTransaction(transaction);
        options.TenantId = clinic;
        await using var session = host.Store().LightweightSession(options);
        var registered = (PatientRegistered)(await session.Events.FetchStreamAsync(registeredPatient))[0].Data;
        var patientId = Guid.NewGuid();
        session.Events.StartStream(patientId, registered with { PatientId = patientId });
        await session.SaveChangesAsync();
        return new HeldRegistration(connection, transaction, patientId);
    }

    public Task CommitAsync() => _transaction.CommitAsync();

    public Task RollbackAsync() => _transaction.RollbackAsync();

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
