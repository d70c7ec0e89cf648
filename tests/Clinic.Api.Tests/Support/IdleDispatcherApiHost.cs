namespace Clinic.Api.Tests.Support;

/// <summary>The API without a dispatcher (<c>Clinic:RunDispatcher</c> off): messages stay in the outbox for the test to see.</summary>
public sealed class IdleDispatcherApiHost : ApiHost
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Clinic:RunDispatcher"] = "false",
    };
}
