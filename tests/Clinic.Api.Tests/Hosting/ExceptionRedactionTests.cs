using System.Diagnostics;
using Clinic.Api.Hosting;
using Clinic.Api.Tests.Support;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace Clinic.Api.Tests.Hosting;

/// <summary>An exception recorded on a span of Wolverine, Marten or Npgsql is exported with its type, without its message.</summary>
public class ExceptionRedactionTests
{
    [Theory]
    [InlineData("Wolverine")]
    [InlineData("Marten")]
    [InlineData("Npgsql")]
    public void An_exceptions_message_is_left_off_the_span_and_its_status(string sourceName)
    {
        var exported = new LockedCollection<Activity>();
        var spanName = $"redaction-{Guid.NewGuid():N}";
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddClinicTracing().AddInMemoryExporter(exported).Build())
        using (var source = new ActivitySource(sourceName))
        using (var activity = source.StartActivity(spanName)!)
        {
            var failure = Failure("Zephyrine Quillfeather, born 1987-11-23");
            activity.AddException(failure);
            activity.SetStatus(ActivityStatusCode.Error, failure.Message);
        }

        var span = exported.Single(span => span.DisplayName == spanName);
        span.Status.ShouldBe(ActivityStatusCode.Error);
        span.StatusDescription.ShouldBeNull();
        var exception = span.Events.ShouldHaveSingleItem().Tags.ToDictionary(tag => tag.Key, tag => tag.Value);
        exception["exception.type"].ShouldBe(typeof(InvalidOperationException).FullName);
        exception["exception.message"].ShouldBe(ExceptionRedaction.Redacted);
        exception["exception.stacktrace"].ShouldBeOfType<string>().ShouldContain(nameof(Failure));
        exception.Values.ShouldNotContain(value => value!.ToString()!.Contains("Zephyrine"));
    }

    /// <summary>An exception as thrown, with its stack trace.</summary>
    private static InvalidOperationException Failure(string message)
    {
        try
        {
            throw new InvalidOperationException(message);
        }
        catch (InvalidOperationException thrown)
        {
            return thrown;
        }
    }
}
