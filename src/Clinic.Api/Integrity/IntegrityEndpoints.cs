namespace Clinic.Api.Integrity;

internal static class IntegrityEndpoints
{
    /// <summary>The clinic's records checked against their hash chain and signed checkpoints, and the checkpoints themselves.</summary>
    public static void MapIntegrity(this RouteGroupBuilder api)
    {
        var integrity = api.MapGroup("/integrity").WithTags("Integrity");
        integrity.MapVerifyIntegrity();
        integrity.MapTakeCheckpoint();
        integrity.MapLatestCheckpoint();
    }
}
