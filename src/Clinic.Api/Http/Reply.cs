namespace Clinic.Api.Http;

/// <summary>An HTTP answer as data, so that the first answer to an idempotent request can be stored and given again.</summary>
internal sealed record Reply(int Status, object Body, string? Location = null);
