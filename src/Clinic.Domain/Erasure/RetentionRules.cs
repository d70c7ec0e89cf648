using Clinic.Domain.ClinicPolicies;
using Clinic.Domain.Common;
using Clinic.Domain.Patients;

namespace Clinic.Domain.Erasure;

/// <summary>How long a patient's records are kept (GDPR Art. 17(3): health records are not erased while the law requires them).</summary>
public static class RetentionRules
{
    /// <summary>
    /// The day the patient's retention ends: <see cref="ClinicPolicy.RetentionYears"/> after her last treatment, or
    /// after her registration if never treated. Null when neither is known (registered before registrations were dated).
    /// </summary>
    public static DateOnly? EndsOn(DateOnly? lastTreatedOn, DateTimeOffset? registeredAt, ClinicPolicy policy) =>
        (lastTreatedOn ?? registeredAt?.CalendarDate())?.AddYears(policy.RetentionYears);

    public static DateOnly? EndsOn(PatientState state, ClinicPolicy policy) => EndsOn(state.LastTreatedOn, state.RegisteredAt, policy);

    /// <summary>Whether a retention ending on <paramref name="endsOn"/> has ended at <paramref name="at"/> (from that day on).</summary>
    public static bool HasEnded(DateOnly endsOn, DateTimeOffset at) => endsOn <= at.CalendarDate();

    /// <summary>Refused while the retention runs on <paramref name="at"/> (or cannot be told).</summary>
    public static Refusal? CheckEnded(PatientState state, ClinicPolicy policy, DateTimeOffset at) =>
        EndsOn(state, policy) is not { } endsOn
            ? new Refusal(RefusalCodes.RetentionPeriodActive, $"Patient {state.PatientId}'s retention period cannot be told: her registration is not dated and she was never treated.")
            : Check.That(HasEnded(endsOn, at), RefusalCodes.RetentionPeriodActive,
                $"Patient {state.PatientId}'s records are kept until {endsOn:yyyy-MM-dd} ({policy.RetentionYears} years after her last treatment, or her registration if never treated).");
}
