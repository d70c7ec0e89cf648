namespace Clinic.Domain.Common;

/// <summary>The kinds of event stream; a stream is identified by its type and the aggregate id.</summary>
public static class StreamTypes
{
    public const string Patient = "patient";
    public const string Practitioner = "practitioner";
    public const string Clinic = "clinic";

    /// <summary>Who looked at which records: one stream per viewer per day.</summary>
    public const string AccessLog = "access-log";
}
