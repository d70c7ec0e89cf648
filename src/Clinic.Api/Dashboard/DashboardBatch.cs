using Clinic.Domain.Corrections;
using Clinic.Domain.SideEffects;
using JasperFx.Events;
using Marten;

namespace Clinic.Api.Dashboard;

/// <summary>
/// What the dashboard projection works on for one clinic's events of one daemon batch: the clinic's counts, and the
/// memories of the sessions and side effects those events name, loaded once before them. What changed is stored once,
/// after the batch's last event, so a batch writes the counts document once however many events it counts.
/// </summary>
internal sealed class DashboardBatch(
    DashboardTally tally, IEnumerable<TreatedSession> sessions, IEnumerable<DashboardSideEffect> sideEffects, IEvent last)
{
    private readonly Dictionary<Guid, TreatedSession> _sessions = sessions.ToDictionary(session => session.Id);
    private readonly Dictionary<Guid, DashboardSideEffect> _sideEffects = sideEffects.ToDictionary(sideEffect => sideEffect.Id);
    private readonly HashSet<Guid> _changedSessions = [];
    private readonly HashSet<Guid> _changedSideEffects = [];

    public ClinicDashboard Counts => tally.Counts;

    /// <summary>
    /// The batch for <paramref name="events"/>: the side effects they name first, then the sessions they name or those
    /// side effects are counted after (a correction may move a side effect to another session).
    /// </summary>
    public static async Task<DashboardBatch> LoadAsync(IQuerySession session, IReadOnlyList<IEvent> events, CancellationToken cancellationToken)
    {
        var batch = session.CreateBatchQuery();
        var tally = batch.Load<DashboardTally>(DashboardTally.DocumentId);
        var sideEffects = batch.LoadMany<DashboardSideEffect>().ByIdList(events.Select(e => SideEffectNamedBy(e.Data)).OfType<Guid>().Distinct());
        await batch.Execute(cancellationToken);
        var knownSideEffects = await sideEffects;
        var sessionIds = events.Select(e => SessionNamedBy(e.Data))
            .Concat(knownSideEffects.Select(sideEffect => sideEffect.Counted?.SessionId)).OfType<Guid>().Distinct().ToList();
        var knownSessions = sessionIds.Count == 0 ? [] : await session.LoadManyAsync<TreatedSession>(cancellationToken, sessionIds);
        return new DashboardBatch(await tally ?? new DashboardTally(), knownSessions, knownSideEffects, events[^1]);
    }

    public bool EndsWith(IEvent e) => ReferenceEquals(e, last);

    public TreatedSession? Session(Guid sessionId) => _sessions.GetValueOrDefault(sessionId);

    public void Keep(TreatedSession session)
    {
        _sessions[session.Id] = session;
        _changedSessions.Add(session.Id);
    }

    /// <summary>The side effect's memory; an empty one (not counted, report open) for a side effect not seen before.</summary>
    public DashboardSideEffect SideEffect(Guid sideEffectId) =>
        _sideEffects.GetValueOrDefault(sideEffectId) ?? new DashboardSideEffect(sideEffectId, Counted: null, ReportClosed: false);

    public void Keep(DashboardSideEffect sideEffect)
    {
        _sideEffects[sideEffect.Id] = sideEffect;
        _changedSideEffects.Add(sideEffect.Id);
    }

    public void StoreChanges(IDocumentOperations operations)
    {
        operations.Store(tally);
        foreach (var sessionId in _changedSessions)
            operations.Store(_sessions[sessionId]);
        foreach (var sideEffectId in _changedSideEffects)
            operations.Store(_sideEffects[sideEffectId]);
    }

    private static Guid? SessionNamedBy(object data) => data switch
    {
        SessionRecordCorrected e => e.SessionId,
        SideEffectReported e => e.Details.SessionId,
        SideEffectCorrected e => e.Details.SessionId,
        _ => null,
    };

    private static Guid? SideEffectNamedBy(object data) => data switch
    {
        SideEffectReported e => e.SideEffectId,
        SideEffectCorrected e => e.SideEffectId,
        RegulatorNotified e => e.SideEffectId,
        SideEffectReviewed e => e.SideEffectId,
        _ => null,
    };
}
