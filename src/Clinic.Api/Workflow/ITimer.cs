namespace Clinic.Api.Workflow;

/// <summary>A durable scheduled message, due at <see cref="DueAt"/> by the clock of the node that scheduled it.</summary>
public interface ITimer : Messaging.IClinicMessage
{
    DateTimeOffset DueAt { get; }
}
