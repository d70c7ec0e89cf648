using System.Diagnostics;
using OpenTelemetry;

namespace Clinic.Api.Hosting;

/// <summary>
/// An exception recorded on a span keeps its type and stack trace but not its message, nor does the span's error status
/// keep a description: a message may quote a value a command carried (a name, a date of birth). Wolverine, Marten and
/// Npgsql record exceptions with <see cref="Activity.AddException"/>, which asks every listener of the source for the
/// event's tags first and fills in only those left out.
/// </summary>
internal sealed class ExceptionRedaction : BaseProcessor<Activity>
{
    public const string Redacted = "(left out: may hold personal values)";

    private readonly ActivityListener _listener;

    public ExceptionRedaction(IEnumerable<string> sources)
    {
        var names = sources.ToHashSet();
        _listener = new ActivityListener
        {
            ShouldListenTo = source => names.Contains(source.Name),
            // Sampling is the tracer provider's: this listener only shapes the exception events.
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.None,
            SampleUsingParentId = (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.None,
            ExceptionRecorder = Redact,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public override void OnEnd(Activity activity)
    {
        if (activity.Status == ActivityStatusCode.Error && activity.StatusDescription is not null)
            activity.SetStatus(ActivityStatusCode.Error);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _listener.Dispose();
        base.Dispose(disposing);
    }

    private static void Redact(Activity activity, Exception exception, ref TagList tags)
    {
        tags.Add("exception.message", Redacted);
        tags.Add("exception.stacktrace", exception.StackTrace ?? "");
    }
}
