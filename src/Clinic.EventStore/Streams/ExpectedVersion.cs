namespace Clinic.EventStore.Streams;

/// <summary>What the writer believes about a stream's version before appending to it.</summary>
public readonly record struct ExpectedVersion
{
    private const long NewMarker = -1;
    private const long AnyMarker = -2;

    private ExpectedVersion(long value) => Value = value;

    internal long Value { get; }

    /// <summary>The stream must not exist yet.</summary>
    public static ExpectedVersion New => new(NewMarker);

    /// <summary>Append whatever the stream's version (creating it if needed).</summary>
    public static ExpectedVersion Any => new(AnyMarker);

    /// <summary>The stream must be exactly at this version (0 is the same as <see cref="New"/>).</summary>
    public static ExpectedVersion Exactly(long version)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(version);
        return new(version == 0 ? NewMarker : version);
    }

    public bool IsNew => Value == NewMarker;
    public bool IsAny => Value == AnyMarker;

    /// <summary>The version the stream has before the append, when known.</summary>
    internal long KnownVersion => IsNew ? 0 : IsAny ? throw new InvalidOperationException("Version not known.") : Value;

    public override string ToString() => IsNew ? "new" : IsAny ? "any" : Value.ToString();
}
