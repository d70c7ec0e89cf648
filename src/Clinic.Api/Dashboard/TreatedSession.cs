namespace Clinic.Api.Dashboard;

/// <summary>What a performed session used, kept so that a side effect reported after it can be counted against the same product, lot, area and practitioner.</summary>
public sealed record TreatedSession(
    Guid SessionId, Guid PractitionerId, IReadOnlyList<string> Products, IReadOnlyList<string> Lots, IReadOnlyList<string> Areas, int SideEffects);
