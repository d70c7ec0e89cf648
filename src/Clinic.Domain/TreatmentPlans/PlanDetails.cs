namespace Clinic.Domain.TreatmentPlans;

/// <summary>
/// Indication, areas, technique and protocol of a treatment plan. The protocol is phased: the initial phase's sessions
/// every <see cref="IntervalDays"/>, then the <see cref="Later"/> phase's, then <see cref="Maintenance"/>;
/// <see cref="PlannedSessions"/> counts all of them. The phases and the deviation were added later with null defaults,
/// so a plan stored before them reads as one initial phase.
/// </summary>
public sealed record PlanDetails(
    Indication Indication,
    IReadOnlyList<TreatmentArea> Areas,
    Technique Technique,
    int PlannedSessions,
    int IntervalDays,
    PlanPhase? Later = null,
    PlanPhase? Maintenance = null,
    ProtocolDeviation? Deviation = null);
