using System.Diagnostics;
using Clinic.Api.Http;
using OpenTelemetry;

namespace Clinic.Api.Hosting;

/// <summary>
/// Every span started while a request is served carries its correlation id, as the events it records do: the request's
/// span from the middleware, the spans under it (Wolverine's handler, Marten's session, Npgsql's commands) from the
/// baggage, which follows the request's work where span parents do not (Wolverine starts a handler's span from the
/// envelope's parent id, not the request's span object).
/// </summary>
internal sealed class CorrelationSpans : BaseProcessor<Activity>
{
    public const string Tag = "clinic.correlation_id";

    public static Task TagRequestAsync(HttpContext context, RequestDelegate next)
    {
        var id = CorrelationId.Of(context);
        Activity.Current?.SetTag(Tag, id);
        Baggage.SetBaggage(Tag, id);
        return next(context);
    }

    public override void OnStart(Activity activity)
    {
        if (Baggage.GetBaggage(Tag) is { } id)
            activity.SetTag(Tag, id);
    }
}
