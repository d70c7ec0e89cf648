namespace Clinic.Api.Audit;

/// <summary>
/// A page of the audit trail. <see cref="Next"/> is the <c>after</c> for the following page (the last position
/// returned, or the one asked for when the page is empty); <see cref="More"/> says whether more entries exist now.
/// </summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long Next, bool More);
