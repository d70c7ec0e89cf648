using Clinic.Api.Auth;
using Clinic.Api.Commands;
using Clinic.Domain.ClinicPolicies;
using Marten;

namespace Clinic.Api.Http;

/// <summary>Reads of the caller's clinic only, in one query session for the request, opened at the first read.</summary>
internal sealed class ClinicReads(IDocumentStore store, ClinicUser user) : IAsyncDisposable
{
    private IQuerySession? _session;

    public IQuerySession Session => _session ??= store.QuerySession(user.ClinicId);

    public async Task<ClinicPolicy> PolicyAsync(CancellationToken cancellationToken) =>
        (await Session.Events.LoadClinicAsync(user.ClinicId, cancellationToken)).State.Policy;

    public ValueTask DisposeAsync() => _session?.DisposeAsync() ?? ValueTask.CompletedTask;
}
