using System.ComponentModel.DataAnnotations;
using Clinic.Api.Auth;
using Clinic.Api.Http;
using Clinic.Domain.Patients;
using Clinic.Domain.Screening;

namespace Clinic.Api.Screening;

public sealed record ScreeningRequest
{
    public required DateOnly ScreenedOn { get; init; }
    public required bool Pregnant { get; init; }
    public required bool Breastfeeding { get; init; }
    public required bool InsulinDependentDiabetes { get; init; }
    public required bool CancerOnMultiDrugTherapy { get; init; }
    public required bool HeartDiseaseOnMultiDrugTherapy { get; init; }
    public required bool StrokeHistory { get; init; }
    public required bool LiverDisorder { get; init; }
    public required bool KidneyDisorder { get; init; }
    public DateOnly? LastNsaidDoseOn { get; init; }
    [MaxLength(RequestLimits.Items)]
    public IReadOnlyList<string> Allergies { get; init; } = [];
    [MaxLength(RequestLimits.Text)]
    public string? Notes { get; init; }

    /// <summary>When the physical examination was done; not given while it is not (treatment needs it).</summary>
    public DateOnly? PhysicalExaminationOn { get; init; }

    /// <summary>When the blood and urine test was done; not given while it is not (treatment needs it).</summary>
    public DateOnly? BloodUrineTestOn { get; init; }

    public ScreeningAnswers ToAnswers() => new(Pregnant, Breastfeeding, InsulinDependentDiabetes, CancerOnMultiDrugTherapy,
        HeartDiseaseOnMultiDrugTherapy, StrokeHistory, LiverDisorder, KidneyDisorder, LastNsaidDoseOn, Allergies, Notes,
        PhysicalExaminationOn, BloodUrineTestOn);
}

public sealed record ScreeningResponse(Guid Id, ScreeningOutcome Outcome, IReadOnlyList<string> Reasons, DateOnly? DeferredUntil, DateOnly ValidUntil)
{
    public static ScreeningResponse From(PatientScreened screened) => new(
        screened.ScreeningId, screened.Assessment.Outcome, screened.Assessment.Reasons, screened.Assessment.DeferredUntil, screened.Assessment.ValidUntil);
}

/// <summary>Screening's one command: the whole capability.</summary>
internal static class ScreenPatientEndpoint
{
    public static void MapScreenings(this RouteGroupBuilder patients) =>
        patients.MapPost("/{patientId}/screenings", async (Guid patientId, ScreeningRequest body, ClinicReads reads, CommandSender commands, TimeProvider clock, CancellationToken ct) =>
        {
            var command = new ScreenPatient(patientId, Guid.CreateVersion7(), body.ScreenedOn, body.ToAnswers(), await reads.PolicyAsync(ct), clock.GetUtcNow());
            return await commands.SendAsync<IPatientCommand>(command, r => r.Created($"/api/patients/{patientId}/history", events => ScreeningResponse.From(events.OfType<PatientScreened>().Single())), ct);
        }).Creates<ScreeningResponse>().WithTags("Screening").RequireAuthorization(Permissions.RecordCare);
}
