namespace Clinic.Domain.SideEffects;

public enum ReviewDecision
{
    Resume = 1,
    StopTreatment = 2,

    /// <summary>
    /// The clinician found the side effect was not what the report said (not serious or severe, or not this patient's):
    /// treatment resumes and the regulator reporting clock closes without a notification.
    /// </summary>
    ReportedInError = 3,
}
