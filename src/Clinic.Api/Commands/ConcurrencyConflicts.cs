using JasperFx;

namespace Clinic.Api.Commands;

/// <summary>A stream appended at a version it is no longer at, or started where another command started it first.</summary>
public static class ConcurrencyConflicts
{
    public const string Code = "concurrency-conflict";

    public static bool Are(Exception failure) =>
        failure is ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException;
}
