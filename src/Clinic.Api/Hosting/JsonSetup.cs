using Clinic.EventStore;

namespace Clinic.Api.Hosting;

internal static class JsonSetup
{
    /// <summary>HTTP JSON matches the stored events: camelCase members, enums as kebab-case strings, unknown members refused.</summary>
    public static void AddClinicJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(http =>
        {
            var shared = StoreJson.DefaultOptions();
            foreach (var converter in shared.Converters)
                http.SerializerOptions.Converters.Add(converter);
            http.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        });
}
