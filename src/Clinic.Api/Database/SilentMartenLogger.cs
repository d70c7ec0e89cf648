using Marten;
using Marten.Services;
using Npgsql;

namespace Clinic.Api.Database;

/// <summary>
/// Marten's own command log quotes the parameters of a failed statement, and those hold patients' data: it stays off.
/// A failure still reaches the code that ran the statement, whose log says its type and stack trace, never its message.
/// </summary>
internal sealed class SilentMartenLogger : IMartenLogger, IMartenSessionLogger
{
    public static readonly SilentMartenLogger Instance = new();

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql)
    {
    }

    public void LogSuccess(NpgsqlCommand command)
    {
    }

    public void LogFailure(NpgsqlCommand command, Exception ex)
    {
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
    }

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
    }

    public void LogFailure(Exception ex, string message)
    {
    }

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }
}
