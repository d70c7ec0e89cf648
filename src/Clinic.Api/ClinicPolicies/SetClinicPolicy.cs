using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.ClinicPolicies;

namespace Clinic.Api.ClinicPolicies;

public sealed record PolicyRequest
{
    public required int ScreeningValidityDays { get; init; }
    public required int MinimumIntervalDays { get; init; }
    public required int SeriousReportingDays { get; init; }
    public required int FatalOrLifeThreateningReportingDays { get; init; }

    /// <summary>Optional, since clients written before it existed leave it out: they get the default.</summary>
    public int AllergyReadingWindowDays { get; init; } = ClinicPolicy.Default.AllergyReadingWindowDays;

    /// <summary>Optional, for the same reason.</summary>
    public int AllergyTestValidityMonths { get; init; } = ClinicPolicy.Default.AllergyTestValidityMonths;

    /// <summary>Optional, for the same reason: the ceiling on the total volume injected in one session.</summary>
    public decimal MaximumSessionVolumeMl { get; init; } = ClinicPolicy.Default.MaximumSessionVolumeMl;

    /// <summary>Optional, for the same reason: how many years a patient's records are kept after her last treatment.</summary>
    public int RetentionYears { get; init; } = ClinicPolicy.Default.RetentionYears;

    public ClinicPolicy ToPolicy() =>
        new(ScreeningValidityDays, MinimumIntervalDays, SeriousReportingDays, FatalOrLifeThreateningReportingDays, AllergyReadingWindowDays,
            AllergyTestValidityMonths, MaximumSessionVolumeMl, RetentionYears);
}

internal static class SetClinicPolicyEndpoint
{
    public static void MapSetClinicPolicy(this RouteGroupBuilder policy) =>
        policy.MapPut("/", async (PolicyRequest body, ClinicUser user, CommandSender commands, CancellationToken ct) =>
            await commands.SendAsync<IClinicCommand>(new SetClinicPolicy(user.ClinicId, body.ToPolicy()), r => r.Ok(), ct))
            .Records().RequireAuthorization(Permissions.ManagePolicy);
}
