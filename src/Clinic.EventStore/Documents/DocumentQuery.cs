using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Clinic.EventStore.Sessions;
using Npgsql;

namespace Clinic.EventStore.Documents;

/// <summary>
/// A query over one tenant's documents of one type, filtering and ordering on duplicated fields only,
/// so every query is served by an index.
/// </summary>
public sealed class DocumentQuery<TDocument> where TDocument : class
{
    private readonly DocumentMapping _mapping;
    private readonly string _schema;
    private readonly string _tenantId;
    private readonly Connections _connections;
    private readonly JsonSerializerOptions _json;
    private readonly List<(DuplicatedField Field, Comparison Comparison, object? Value)> _filters = [];
    private readonly List<(DuplicatedField Field, bool Descending)> _order = [];
    private int? _limit;

    internal DocumentQuery(DocumentMapping mapping, string schema, string tenantId, Connections connections, JsonSerializerOptions json)
    {
        _mapping = mapping;
        _schema = schema;
        _tenantId = tenantId;
        _connections = connections;
        _json = json;
    }

    public DocumentQuery<TDocument> Where<TMember>(Expression<Func<TDocument, TMember>> member, Comparison comparison, TMember value)
    {
        var field = _mapping.Field(DocumentMapping.MemberName(member));
        if (value is null && comparison is not (Comparison.Equal or Comparison.NotEqual))
            throw new ArgumentException("Only Equal and NotEqual compare with null.");
        _filters.Add((field, comparison, field.ToColumnValue(value)));
        return this;
    }

    public DocumentQuery<TDocument> Where<TMember>(Expression<Func<TDocument, TMember>> member, TMember value) =>
        Where(member, Comparison.Equal, value);

    public DocumentQuery<TDocument> OrderBy<TMember>(Expression<Func<TDocument, TMember>> member) => Order(member, descending: false);

    public DocumentQuery<TDocument> OrderByDescending<TMember>(Expression<Func<TDocument, TMember>> member) => Order(member, descending: true);

    public DocumentQuery<TDocument> Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _limit = count;
        return this;
    }

    public Task<IReadOnlyList<TDocument>> ToListAsync(CancellationToken cancellationToken = default) =>
        _connections.UseAsync(async connection =>
        {
            await using var command = Command(connection, "data");
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var documents = new List<TDocument>();
            while (await reader.ReadAsync(cancellationToken))
                documents.Add(JsonSerializer.Deserialize<TDocument>(reader.GetString(0), _json)!);
            return (IReadOnlyList<TDocument>)documents;
        }, cancellationToken);

    public Task<long> CountAsync(CancellationToken cancellationToken = default) =>
        _connections.UseAsync(async connection =>
        {
            await using var command = Command(connection, "count(*)", withOrderAndLimit: false);
            return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
        }, cancellationToken);

    private DocumentQuery<TDocument> Order<TMember>(Expression<Func<TDocument, TMember>> member, bool descending)
    {
        _order.Add((_mapping.Field(DocumentMapping.MemberName(member)), descending));
        return this;
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, string selection, bool withOrderAndLimit = true)
    {
        var command = connection.CreateCommand();
        var sql = new StringBuilder($"SELECT {selection} FROM {_schema}.{_mapping.TableName} WHERE tenant_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = _tenantId });
        foreach (var (field, comparison, value) in _filters)
        {
            if (value is null)
            {
                sql.Append($" AND {field.ColumnName} IS {(comparison == Comparison.Equal ? "" : "NOT ")}NULL");
                continue;
            }
            command.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = field.DbType });
            sql.Append($" AND {field.ColumnName} {Operator(comparison)} ${command.Parameters.Count}");
        }
        if (withOrderAndLimit && _order.Count > 0)
            sql.Append(" ORDER BY ").AppendJoin(", ", _order.Select(o => o.Field.ColumnName + (o.Descending ? " DESC" : "")));
        if (withOrderAndLimit && _limit is not null)
            sql.Append($" LIMIT {_limit.Value}");
        command.CommandText = sql.ToString();
        return command;
    }

    private static string Operator(Comparison comparison) => comparison switch
    {
        Comparison.Equal => "=",
        Comparison.NotEqual => "<>",
        Comparison.LessThan => "<",
        Comparison.LessThanOrEqual => "<=",
        Comparison.GreaterThan => ">",
        Comparison.GreaterThanOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(comparison)),
    };
}
