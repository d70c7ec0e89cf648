using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Api.Http;

namespace Clinic.Api.Access;

/// <summary>The caller's access log: what they looked at, recorded before it is shown, in the clinic whose data it is.</summary>
internal sealed class AccessLog(CommandSender commands, ClinicUser user, TimeProvider clock)
{
    /// <summary>Records that the caller looks at <paramref name="resource"/> of the request's clinic (about one patient when <paramref name="patientId"/> is set).</summary>
    public Task RecordViewAsync(string resource, Guid? patientId, CancellationToken cancellationToken) =>
        RecordViewsAsync(resource, patientId is { } id ? [id] : [], cancellationToken);

    /// <summary>
    /// Records, in one append, that the caller looks at <paramref name="resource"/> of the request's clinic, which lists
    /// <paramref name="listed"/>: one view per patient listed, however often, or one view of no patient when it lists nobody.
    /// </summary>
    public Task RecordViewsAsync(string resource, IEnumerable<Guid> listed, CancellationToken cancellationToken) =>
        RecordViewsInAsync(user.ClinicId, resource, listed, cancellationToken);

    /// <summary>
    /// Records, for a read across the clinics the caller reads, one append in each: one view per patient of that clinic
    /// in <paramref name="listed"/>, or one view of no patient in a clinic where it lists nobody, so that every clinic
    /// searched knows it was.
    /// </summary>
    public async Task RecordViewsAcrossClinicsAsync(string resource, IEnumerable<(string ClinicId, Guid PatientId)> listed, CancellationToken cancellationToken)
    {
        var listedByClinic = listed.ToLookup(patient => patient.ClinicId, patient => patient.PatientId);
        foreach (var clinicId in user.ReadableClinics)
            await RecordViewsInAsync(clinicId, resource, listedByClinic[clinicId], cancellationToken);
    }

    private async Task RecordViewsInAsync(string clinicId, string resource, IEnumerable<Guid> listed, CancellationToken cancellationToken)
    {
        var result = await commands.InvokeInAsync(clinicId, new RecordView(resource, listed.Distinct().ToList(), clock.GetUtcNow()), cancellationToken);
        if (result is CommandResult.Rejected rejected)
            throw new InvalidOperationException($"The access log refused a view: {rejected.Code}");
    }
}
