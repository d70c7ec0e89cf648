using NpgsqlTypes;

namespace Clinic.EventStore.Documents;

/// <summary>
/// A document member copied into its own typed, indexed column on every write, so that queries
/// on it use a b-tree index and compare values by type rather than as JSON text.
/// </summary>
public sealed class DuplicatedField
{
    private static readonly Dictionary<Type, (string SqlType, NpgsqlDbType DbType)> ColumnTypes = new()
    {
        [typeof(Guid)] = ("uuid", NpgsqlDbType.Uuid),
        [typeof(string)] = ("text", NpgsqlDbType.Text),
        [typeof(int)] = ("integer", NpgsqlDbType.Integer),
        [typeof(long)] = ("bigint", NpgsqlDbType.Bigint),
        [typeof(bool)] = ("boolean", NpgsqlDbType.Boolean),
        [typeof(decimal)] = ("numeric", NpgsqlDbType.Numeric),
        [typeof(DateOnly)] = ("date", NpgsqlDbType.Date),
        [typeof(DateTimeOffset)] = ("timestamptz", NpgsqlDbType.TimestampTz),
    };

    internal DuplicatedField(string memberName, Type memberType, Func<object, object?> read)
    {
        var valueType = Nullable.GetUnderlyingType(memberType) ?? memberType;
        if (valueType.IsEnum)
            valueType = typeof(string);
        if (!ColumnTypes.TryGetValue(valueType, out var column))
            throw new NotSupportedException($"{memberName}: {memberType.Name} members cannot be duplicated into a column.");

        MemberName = memberName;
        ColumnName = Schema.SqlIdentifier.Checked(Schema.SqlIdentifier.SnakeCase(memberName), "Column");
        SqlType = column.SqlType;
        DbType = column.DbType;
        IsEnum = (Nullable.GetUnderlyingType(memberType) ?? memberType).IsEnum;
        _read = read;
    }

    private readonly Func<object, object?> _read;

    public string MemberName { get; }
    public string ColumnName { get; }
    internal string SqlType { get; }
    internal NpgsqlDbType DbType { get; }
    private bool IsEnum { get; }

    internal object? ValueOf(object document) => ToColumnValue(_read(document));

    internal object? ToColumnValue(object? value) => value switch
    {
        null => null,
        DateTimeOffset instant => instant.ToUniversalTime(),
        _ when IsEnum => value.ToString(),
        _ => value,
    };
}
