using Npgsql;

namespace Clinic.Api.Integrity;

/// <summary>Where the events, their hash chain and the checkpoints are: the database and the store's schema.</summary>
public sealed record IntegrityDatabase(NpgsqlDataSource DataSource, string Schema);
