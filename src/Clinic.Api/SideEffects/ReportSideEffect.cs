using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.SideEffects;

namespace Clinic.Api.SideEffects;

public sealed record SideEffectRequest
{
    public Guid? SessionId { get; init; }
    public required SideEffectKind Kind { get; init; }
    public required Severity Severity { get; init; }
    public required bool Serious { get; init; }
    [MaxLength(RequestLimits.Items)]
    public IReadOnlyList<Seriousness> Seriousness { get; init; } = [];
    public required DateTimeOffset OnsetAt { get; init; }

    /// <summary>When the clinic first learned of it (reporting clocks start here); now when not given.</summary>
    public DateTimeOffset? AwareAt { get; init; }

    [MaxLength(RequestLimits.Text)]
    public required string Description { get; init; }
    public required ReportedBy ReportedBy { get; init; }

    public SideEffectDetails ToDetails(DateTimeOffset now) =>
        new(SessionId, Kind, Severity, Serious, Seriousness, OnsetAt, AwareAt ?? now, Description);
}

internal static class ReportSideEffectEndpoint
{
    public static void MapReportSideEffect(this RouteGroupBuilder sideEffects) =>
        sideEffects.MapPost("/", async (Guid patientId, SideEffectRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var id = Guid.CreateVersion7();
            var now = clock.GetUtcNow();
            var command = new ReportSideEffect(patientId, id, body.ToDetails(now), body.ReportedBy, await reads.PolicyAsync(ct), now);
            return await commands.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", id), ct);
        }).Creates<CreatedResponse>().RequireAuthorization(Permissions.RecordCare);
}
