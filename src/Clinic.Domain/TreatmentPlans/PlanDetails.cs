namespace Clinic.Domain.TreatmentPlans;

/// <summary>Indication, areas, technique and protocol of a treatment plan.</summary>
public sealed record PlanDetails(
    Indication Indication,
    IReadOnlyList<TreatmentArea> Areas,
    Technique Technique,
    int PlannedSessions,
    int IntervalDays);
