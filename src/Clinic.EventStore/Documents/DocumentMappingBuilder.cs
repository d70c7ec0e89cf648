using System.Linq.Expressions;

namespace Clinic.EventStore.Documents;

/// <summary>Declares the members of <typeparamref name="TDocument"/> that queries filter or order on.</summary>
public sealed class DocumentMappingBuilder<TDocument>(DocumentMapping mapping)
{
    public DocumentMappingBuilder<TDocument> Duplicate<TMember>(Expression<Func<TDocument, TMember>> member)
    {
        var name = DocumentMapping.MemberName(member);
        var read = member.Compile();
        mapping.AddField(new DuplicatedField(name, typeof(TMember), document => read((TDocument)document)));
        return this;
    }
}
