namespace Clinic.Api.Tests.Support;

/// <summary>
/// The API's clock: the system's, unless a test moves it to when a later step of a story happens (a session is
/// performed days after it was booked, and never recorded before it happens). Time runs on from there; disposing the
/// move brings the clock back. The tests of one class run one at a time, so a move never reaches another test.
/// Timers are not moved: the messaging schedule runs on the database's clock.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public IDisposable MoveTo(DateTimeOffset instant)
    {
        Interlocked.Exchange(ref _offsetTicks, (instant - base.GetUtcNow()).Ticks);
        return new Return(this);
    }

    private sealed class Return(TestClock clock) : IDisposable
    {
        public void Dispose() => Interlocked.Exchange(ref clock._offsetTicks, 0);
    }
}
