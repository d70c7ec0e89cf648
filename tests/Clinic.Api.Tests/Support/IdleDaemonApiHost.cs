namespace Clinic.Api.Tests.Support;

/// <summary>The API without the async daemon (<c>Clinic:RunDaemon</c> off): async projections stay where they are.</summary>
public sealed class IdleDaemonApiHost : ApiHost
{
    protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings() => new Dictionary<string, string?>
    {
        ["Clinic:RunDaemon"] = "false",
    };
}
