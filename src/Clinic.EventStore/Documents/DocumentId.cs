namespace Clinic.EventStore.Documents;

/// <summary>Document ids are stored as text: Guids in their canonical lower-case form, strings as they are.</summary>
public static class DocumentId
{
    public static string From(object id) => id switch
    {
        Guid guid => guid.ToString("D"),
        string text when text.Length > 0 => text,
        _ => throw new ArgumentException($"A document id must be a Guid or a non-empty string, not '{id}'."),
    };
}
