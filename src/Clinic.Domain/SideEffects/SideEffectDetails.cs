using Clinic.Domain.Common;

namespace Clinic.Domain.SideEffects;

/// <summary>
/// What happened. <see cref="SessionId"/> ties it to a performed session where known; <see cref="Serious"/> is true
/// exactly when at least one <see cref="Seriousness"/> criterion applies.
/// </summary>
public sealed record SideEffectDetails(
    Guid? SessionId,
    SideEffectKind Kind,
    Severity Severity,
    bool Serious,
    IReadOnlyList<Seriousness> Seriousness,
    DateTimeOffset OnsetAt,
    DateTimeOffset AwareAt,
    [property: PersonalData] string Description);
