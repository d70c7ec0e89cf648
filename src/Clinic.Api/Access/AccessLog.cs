using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Api.Http;

namespace Clinic.Api.Access;

/// <summary>The caller's access log: what they looked at, recorded before it is shown, in the clinic whose data it is.</summary>
internal sealed class AccessLog(CommandSender commands, ClinicUser user, TimeProvider clock)
{
    /// <summary>Records that the caller looks at <paramref name="resource"/> of the request's clinic (about one patient when <paramref name="patientId"/> is set).</summary>
    public Task RecordViewAsync(string resource, Guid? patientId, CancellationToken cancellationToken) =>
        RecordViewInAsync(user.ClinicId, resource, patientId, cancellationToken);

    /// <summary>
    /// Records the look in <paramref name="clinicId"/>, one of the clinics the caller reads: a read across clinics
    /// records one look in each clinic whose data it shows.
    /// </summary>
    public async Task RecordViewInAsync(string clinicId, string resource, Guid? patientId, CancellationToken cancellationToken)
    {
        var result = await commands.InvokeInAsync(clinicId, new RecordView(resource, patientId, clock.GetUtcNow()), cancellationToken);
        if (result is CommandResult.Rejected rejected)
            throw new InvalidOperationException($"The access log refused a view: {rejected.Code}");
    }
}
