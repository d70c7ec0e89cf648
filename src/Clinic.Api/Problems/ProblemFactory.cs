using Microsoft.AspNetCore.Mvc;

namespace Clinic.Api.Problems;

/// <summary>Problem details with the stable refusal <c>code</c> as an extension member.</summary>
internal static class ProblemFactory
{
    public static ProblemDetails Create(int status, string title, string code, string? detail = null) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Type = TypeOf(code),
        Extensions = { ["code"] = code },
    };

    public static string TypeOf(string code) => $"https://clinic.example/problems/{code}";
}
