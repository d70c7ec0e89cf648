namespace Clinic.Api.Audit;

/// <summary>The last audit position given out in one clinic.</summary>
public sealed record AuditCounter(string Id, long Last)
{
    public const string DocumentId = "audit-position";
}
