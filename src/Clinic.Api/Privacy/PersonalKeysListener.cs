using Clinic.Domain.Erasure;
using Clinic.Domain.Patients;
using JasperFx.Events;
using Marten;
using Marten.Services;

namespace Clinic.Api.Privacy;

/// <summary>
/// Before a session commits: a patient it registers gets her key in its transaction, the key of every other patient
/// whose stream it appends to is in memory (sealing her values while the session is written finds it there), and the
/// key of a patient it erases is destroyed in its transaction. After it commits, the keys it destroyed leave memory.
/// </summary>
public sealed class PersonalKeysListener(PersonalKeys keys) : DocumentSessionListenerBase
{
    public override async Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        foreach (var stream in session.PendingChanges.Streams().Where(stream => stream.Events.Any(e => e.Data is IPatientEvent)))
        {
            if (Has<PatientRegistered>(stream))
                keys.QueueCreate(session, stream.Id);
            else
                await keys.LoadAsync(stream.Id, session.TenantId, token);
            if (Has<PatientErased>(stream))
                keys.QueueDestroy(session, stream.Id);
        }
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var erased in commit.GetEvents().Select(e => e.Data).OfType<PatientErased>())
            keys.Forget(erased.PatientId);
        return Task.CompletedTask;
    }

    private static bool Has<TEvent>(StreamAction stream) => stream.Events.Any(e => e.Data is TEvent);
}
