using Clinic.Domain.Corrections;
using Clinic.Domain.Sessions;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Patching;

namespace Clinic.Api.Lots;

/// <summary>
/// Inline, so that a lot recall lists a session as soon as its record (or the correction of its lot) is committed.
/// Nothing is read first: a performed session stores its document, a corrected record patches the products and
/// areas in place (a correction changes what was done, not who did it or when).
/// </summary>
public sealed partial class SessionProductsProjection : EventProjection
{
    public SessionProductsProjection()
    {
        Name = "session-products";
    }

    public void Project(IEvent<SessionPerformed> performed, IDocumentOperations operations)
    {
        var session = performed.Data;
        operations.Store(new SessionProducts(session.SessionId, performed.TenantId, session.PatientId, session.PractitionerId,
            session.PerformedAt, session.Treatment.Areas, session.Treatment.Products));
    }

    public void Project(SessionRecordCorrected corrected, IDocumentOperations operations) =>
        operations.Patch<SessionProducts>(corrected.SessionId)
            .Set(d => d.Products, corrected.Treatment.Products)
            .Set(d => d.Areas, corrected.Treatment.Areas);
}
