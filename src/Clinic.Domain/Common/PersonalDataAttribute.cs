namespace Clinic.Domain.Common;

/// <summary>
/// A value that identifies the patient or describes her in free text (names, date of birth, contact details, notes,
/// descriptions). The store keeps it sealed under the patient's own key, so that destroying the key erases it
/// everywhere it was copied (docs/event-store.md); everything else stays in clear for statistics and regulators.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;
