using JasperFx;

namespace Clinic.Api.Commands;

/// <summary>
/// A stream appended at a version it is no longer at, or started where another command started it first: after
/// Wolverine's retries, 409 <see cref="Clinic.Domain.Common.RefusalCodes.ConcurrencyConflict"/>.
/// </summary>
public static class ConcurrencyConflicts
{
    public static bool Are(Exception failure) =>
        failure is ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;
}
