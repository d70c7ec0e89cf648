using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Api.Http;

namespace Clinic.Api.Access;

/// <summary>The caller's access log: what they looked at, recorded before it is shown, in the clinic whose data it is.</summary>
internal sealed class AccessLog(CommandSender commands, ClinicUser user, TimeProvider clock)
{
    /// <summary>Records that the caller looks at <paramref name="resource"/> of the request's clinic (about one patient when <paramref name="patientId"/> is set).</summary>
    public Task RecordViewAsync(string resource, Guid? patientId, CancellationToken cancellationToken) =>
        RecordViewsInAsync(user.ClinicId, resource, patientId is { } id ? [id] : [], cancellationToken);

    /// <summary>
    /// Records, in one append in <paramref name="clinicId"/> (one of the clinics the caller reads: a read across clinics
    /// records its looks in each clinic whose data it shows), that the caller looks at <paramref name="resource"/> about
    /// each of <paramref name="patientIds"/> (about no particular patient when there is none).
    /// </summary>
    public async Task RecordViewsInAsync(string clinicId, string resource, IReadOnlyList<Guid> patientIds, CancellationToken cancellationToken)
    {
        var result = await commands.InvokeInAsync(clinicId, new RecordView(resource, patientIds, clock.GetUtcNow()), cancellationToken);
        if (result is CommandResult.Rejected rejected)
            throw new InvalidOperationException($"The access log refused a view: {rejected.Code}");
    }
}
