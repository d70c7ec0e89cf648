using Clinic.Domain.Common;

namespace Clinic.Domain.ClinicPolicies;

/// <summary>The clinic stream (one per clinic): its configurable policy.</summary>
public static class ClinicDecider
{
    public static ClinicState Initial => ClinicState.Initial;

    public static Decision Decide(IClinicCommand command, ClinicState state) => command switch
    {
        SetClinicPolicy set => SetPolicy(set),
        _ => Decision.Unsupported(command),
    };

    public static ClinicState Evolve(ClinicState state, IDomainEvent @event) => @event switch
    {
        ClinicPolicySet set => new ClinicState(set.ClinicId, set.Policy),
        _ => state,
    };

    private static Decision SetPolicy(SetClinicPolicy command) =>
        Validate(command.Policy) is { } refusal
            ? Decision.Refuse(refusal)
            : Decision.Accept(new ClinicPolicySet(command.ClinicId, command.Policy));

    private static Refusal? Validate(ClinicPolicy policy) =>
        Check.InRange(policy.ScreeningValidityDays, 1, ClinicPolicyLimits.MaximumScreeningValidityDays,
            RefusalCodes.InvalidPolicy, "Screening validity days")
        ?? Check.InRange(policy.MinimumIntervalDays, ClinicPolicyLimits.LowestMinimumIntervalDays,
            ClinicPolicyLimits.HighestMinimumIntervalDays, RefusalCodes.InvalidPolicy, "Minimum interval days")
        ?? Check.InRange(policy.SeriousReportingDays, 1, ClinicPolicyLimits.MaximumSeriousReportingDays,
            RefusalCodes.InvalidPolicy, "Serious side effect reporting days")
        ?? Check.InRange(policy.FatalOrLifeThreateningReportingDays, 1,
            Math.Min(ClinicPolicyLimits.MaximumFatalOrLifeThreateningReportingDays, policy.SeriousReportingDays),
            RefusalCodes.InvalidPolicy, "Fatal or life-threatening reporting days")
        ?? Check.InRange(policy.AllergyReadingWindowDays, ClinicPolicyLimits.MinimumAllergyReadingWindowDays,
            ClinicPolicyLimits.MaximumAllergyReadingWindowDays, RefusalCodes.InvalidPolicy, "Allergy reading window days")
        ?? Check.InRange(policy.AllergyTestValidityMonths, ClinicPolicyLimits.MinimumAllergyTestValidityMonths,
            ClinicPolicyLimits.MaximumAllergyTestValidityMonths, RefusalCodes.InvalidPolicy, "Allergy test validity months")
        ?? Check.InRange(policy.RetentionYears, ClinicPolicyLimits.MinimumRetentionYears, ClinicPolicyLimits.MaximumRetentionYears,
            RefusalCodes.InvalidPolicy, "Retention years")
        ?? Check.That(policy.MaximumSessionVolumeMl is >= ClinicPolicyLimits.MinimumSessionVolumeMl and <= ClinicPolicyLimits.MaximumSessionVolumeMl,
            RefusalCodes.InvalidPolicy,
            $"Maximum session volume must be between {ClinicPolicyLimits.MinimumSessionVolumeMl} and {ClinicPolicyLimits.MaximumSessionVolumeMl} ml (was {policy.MaximumSessionVolumeMl}).");
}
