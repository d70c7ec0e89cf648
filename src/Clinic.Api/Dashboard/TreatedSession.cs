namespace Clinic.Api.Dashboard;

/// <summary>
/// The dashboard's memory of one performed session (<paramref name="Id"/>: the session's id): what it used and how many
/// side effects are counted after it, so that a side effect reported after it, or a correction of its record, is counted
/// against the same products, lots, areas and practitioner.
/// </summary>
public sealed record TreatedSession(
    Guid Id, Guid PractitionerId, IReadOnlyList<string> Products, IReadOnlyList<string> Lots, IReadOnlyList<string> Areas, int SideEffects);
