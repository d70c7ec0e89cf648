using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Sessions;

namespace Clinic.Api.Sessions;

public sealed record IntervalOverrideRequest
{
    [MaxLength(RequestLimits.Text)]
    public required string Reason { get; init; }
}

/// <summary>An interval override is recorded with the clinician who gave it; only clinicians may.</summary>
internal static class IntervalOverrides
{
    public static (bool Allowed, IntervalOverride? Value) Of(IntervalOverrideRequest? requested, ClinicUser user) =>
        requested is null ? (true, null)
        : user.Can(Permissions.OverrideIntervals) ? (true, new IntervalOverride(requested.Reason, user.UserId))
        : (false, null);

    public static IResult Forbidden() =>
        CommandResults.Problem(StatusCodes.Status403Forbidden, "override-not-allowed", "Only a clinician may override the minimum interval.");
}
