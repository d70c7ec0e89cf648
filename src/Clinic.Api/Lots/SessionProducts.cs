using Clinic.Domain.Sessions;
using Clinic.Domain.TreatmentPlans;

namespace Clinic.Api.Lots;

/// <summary>
/// What one performed session used, as last recorded (a corrected record replaces the products and areas): the lot
/// recall's index. It holds ids and no personal data of the patient, whose name and contacts stay in her history.
/// </summary>
public sealed record SessionProducts(
    Guid Id, string ClinicId, Guid PatientId, Guid PractitionerId, DateTimeOffset PerformedAt,
    IReadOnlyList<TreatmentArea> Areas, IReadOnlyList<ProductUsed> Products);
