namespace Clinic.Domain.Common;

/// <summary>A stored event's stable name (kebab-case and version), its CLR type and the kind of stream it belongs to.</summary>
public sealed record EventType(string Name, Type ClrType, string StreamType);
