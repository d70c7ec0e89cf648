namespace Clinic.Api.Http;

/// <summary>Text the database can store: PostgreSQL's text and jsonb cannot hold the NUL character (U+0000).</summary>
internal static class StorableText
{
    public static bool IsStorable(string? text) => text is null || !text.Contains('\0');
}
