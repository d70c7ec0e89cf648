using Clinic.Domain.SideEffects;

namespace Clinic.Api.Demo;

/// <summary>The side effects of the demo, after the kinds the seeds name, each dated from the session it followed.</summary>
internal static class DemoSideEffects
{
    public static SideEffectDetails Bruising(Guid sessionId, DateTimeOffset performedAt) => new(
        sessionId, SideEffectKind.Bruising, Severity.Mild, Serious: false, [], performedAt.AddHours(3), performedAt.AddHours(20),
        "Small bruises at two injection sites.");

    public static SideEffectDetails Swelling(Guid sessionId, DateTimeOffset performedAt) => new(
        sessionId, SideEffectKind.Swelling, Severity.Moderate, Serious: false, [], performedAt.AddHours(2), performedAt.AddDays(1),
        "Swelling of the treated area, eased by cold compresses.");

    public static SideEffectDetails Redness(Guid sessionId, DateTimeOffset performedAt) => new(
        sessionId, SideEffectKind.Erythema, Severity.Mild, Serious: false, [], performedAt.AddHours(4), performedAt.AddDays(1),
        "Redness over the treated area.");

    /// <summary>Severe, so it needs a clinician's review, but not serious: seen in the clinic an hour after the session.</summary>
    public static SideEffectDetails AllergicReaction(Guid sessionId, DateTimeOffset performedAt) => new(
        sessionId, SideEffectKind.AllergicReaction, Severity.Severe, Serious: false, [], performedAt.AddHours(1), performedAt.AddMinutes(75),
        "Hives spreading from the injection sites, treated with an antihistamine in the clinic.");

    /// <summary>Serious (hospitalisation): suspends treatment until a clinician reviews it.</summary>
    public static SideEffectDetails Infection(Guid sessionId, DateTimeOffset performedAt) => new(
        sessionId, SideEffectKind.Infection, Severity.Severe, Serious: true, [Seriousness.Hospitalisation], performedAt.AddDays(1),
        performedAt.AddHours(36), "Painful nodules and fever; admitted for intravenous antibiotics.");
}
