using System.Linq.Expressions;
using System.Reflection;

namespace Clinic.EventStore.Documents;

/// <summary>How one document type is stored: its table, its id, and the members duplicated into indexed columns.</summary>
public sealed class DocumentMapping
{
    private readonly Func<object, object> _readId;
    private readonly List<DuplicatedField> _fields = [];

    internal DocumentMapping(Type documentType, string alias)
    {
        DocumentType = documentType;
        Alias = Schema.SqlIdentifier.Checked(alias, "Document alias");
        TableName = "doc_" + Alias;
        _readId = IdReader(documentType);
    }

    public Type DocumentType { get; }
    public string Alias { get; }
    public string TableName { get; }
    public IReadOnlyList<DuplicatedField> Fields => _fields;

    internal string IdOf(object document) => DocumentId.From(_readId(document));

    internal DuplicatedField Field(string memberName) =>
        _fields.FirstOrDefault(f => f.MemberName == memberName)
        ?? throw new InvalidOperationException(
            $"{DocumentType.Name}.{memberName} is not a duplicated field; declare it with Duplicate() to query or order by it.");

    internal void AddField(DuplicatedField field)
    {
        if (_fields.Any(f => f.ColumnName == field.ColumnName))
            throw new InvalidOperationException($"{DocumentType.Name}.{field.MemberName} is already duplicated.");
        _fields.Add(field);
    }

    internal static string MemberName(LambdaExpression member)
    {
        var body = member.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : member.Body;
        return body is MemberExpression { Member: PropertyInfo property } && property.DeclaringType!.IsAssignableFrom(member.Parameters[0].Type)
            ? property.Name
            : throw new ArgumentException($"'{member}' must name a property of the document, like x => x.OwnerId.");
    }

    private static Func<object, object> IdReader(Type documentType)
    {
        var id = documentType.GetProperty("Id", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{documentType.Name} needs a public Id property (Guid or string) to be stored as a document.");
        if (id.PropertyType != typeof(Guid) && id.PropertyType != typeof(string))
            throw new InvalidOperationException($"{documentType.Name}.Id must be a Guid or a string.");
        return document => id.GetValue(document)!;
    }
}
