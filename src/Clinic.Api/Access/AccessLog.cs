using Clinic.Api.Commands;
using Clinic.Api.Http;

namespace Clinic.Api.Access;

/// <summary>The caller's access log: what they looked at, recorded before it is shown.</summary>
internal sealed class AccessLog(CommandSender commands, TimeProvider clock)
{
    /// <summary>Records that the caller looks at <paramref name="resource"/> (about one patient when <paramref name="patientId"/> is set).</summary>
    public Task RecordViewAsync(string resource, Guid? patientId, CancellationToken cancellationToken) =>
        RecordViewsAsync(resource, patientId is { } id ? [id] : [], cancellationToken);

    /// <summary>
    /// Records, in one append, that the caller looks at <paramref name="resource"/> about each of <paramref name="patientIds"/>
    /// (about no particular patient when there is none).
    /// </summary>
    public async Task RecordViewsAsync(string resource, IReadOnlyList<Guid> patientIds, CancellationToken cancellationToken)
    {
        var result = await commands.InvokeAsync(new RecordView(resource, patientIds, clock.GetUtcNow()), cancellationToken);
        if (result is CommandResult.Rejected rejected)
            throw new InvalidOperationException($"The access log refused a view: {rejected.Code}");
    }
}
