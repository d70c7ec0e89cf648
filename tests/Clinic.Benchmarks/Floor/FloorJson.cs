using System.Text.Json;
using Clinic.Api.Database;

namespace Clinic.Benchmarks.Floor;

/// <summary>The floor's System.Text.Json options: the JSON Marten stores (camelCase, the application's converters).</summary>
internal static class FloorJson
{
    public static JsonSerializerOptions Create()
    {
        var json = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
        ClinicMarten.ConfigureJson(json);
        return json;
    }
}
