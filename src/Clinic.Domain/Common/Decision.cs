using System.Diagnostics.CodeAnalysis;

namespace Clinic.Domain.Common;

/// <summary>What a decide function concluded: the events to append to one stream, or a refusal.</summary>
public sealed class Decision
{
    private Decision(IReadOnlyList<IDomainEvent> events, Refusal? refusal)
    {
        Events = events;
        Refusal = refusal;
    }

    public IReadOnlyList<IDomainEvent> Events { get; }

    public Refusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Refusal))]
    public bool IsRefused => Refusal is not null;

    public static Decision Accept(params IReadOnlyList<IDomainEvent> events) => new(events, null);

    public static Decision Refuse(Refusal refusal) => new([], refusal);

    public static Decision Refuse(string code, string detail) => Refuse(new Refusal(code, detail));

    internal static Decision Unsupported(object command) => Refuse(Check.Unsupported(command));
}
