namespace Clinic.Domain.Common;

/// <summary>Why a command was not accepted. <see cref="Code"/> is one of <see cref="RefusalCodes"/>.</summary>
public sealed record Refusal(string Code, string Detail);
