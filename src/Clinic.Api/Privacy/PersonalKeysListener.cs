using Clinic.Domain.Erasure;
using Clinic.Domain.Patients;
using Marten;
using Marten.Services;

namespace Clinic.Api.Privacy;

/// <summary>
/// Before a session commits, every patient whose stream it appends to has a key (made if she has none), so that sealing
/// her values while the session is written finds it in memory, and the key of a patient it erases is destroyed in its
/// transaction; after it commits, the keys it destroyed leave memory.
/// </summary>
public sealed class PersonalKeysListener(PersonalKeys keys) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams().Where(stream => stream.Events.Any(e => e.Data is IPatientEvent)))
        {
            await keys.EnsureAsync(stream.Id, session.TenantId, token);
            if (stream.Events.Any(e => e.Data is PatientErased))
                keys.QueueDestroy(session, stream.Id);
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var erased in commit.GetEvents().Select(e => e.Data).OfType<PatientErased>())
            keys.Forget(erased.PatientId);
        return Task.CompletedTask;
    }
}
