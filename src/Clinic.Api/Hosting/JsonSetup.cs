using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Clinic.Api.Http;
using Clinic.Api.Records;

namespace Clinic.Api.Hosting;

internal static class JsonSetup
{
    /// <summary>
    /// HTTP JSON matches the stored events: camelCase members, enums as kebab-case strings (the store's
    /// <see cref="Database.ClinicMarten.ConfigureJson"/> naming). Whatever a request record cannot hold is refused, as
    /// unreadable: an unknown member, a member given twice, a missing required one, a null where the record's type is
    /// not nullable (a member or a list element), a number sent as a string, an instant without a time or an offset,
    /// text with a NUL character, an enum value other than its documented name, more than <see cref="RequestLimits"/>
    /// allow (characters, elements, nesting).
    /// </summary>
    public static void AddClinicJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(http =>
        {
            var options = http.SerializerOptions;
            options.Converters.Add(new EnumNameConverter());
            options.Converters.Add(new InstantConverter());
            options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            options.AllowDuplicateProperties = false;
            options.NumberHandling = JsonNumberHandling.Strict; // the web defaults read numbers from strings too
            options.RespectNullableAnnotations = true;
            options.MaxDepth = RequestLimits.Depth;
            options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequestValueChecks.Modify);
        });
}
