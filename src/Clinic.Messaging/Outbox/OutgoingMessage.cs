namespace Clinic.Messaging.Outbox;

/// <summary>
/// A message to deliver once its unit of work commits: at <see cref="DeliverAt"/>, or at once when null. A
/// <see cref="ScheduleKey"/> names a scheduled message so that it can be moved or cancelled later; scheduling
/// again under the same key replaces it.
/// </summary>
public sealed record OutgoingMessage(Guid Id, string Type, object Body, DateTimeOffset? DeliverAt, string? ScheduleKey);
