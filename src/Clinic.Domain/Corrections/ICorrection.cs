namespace Clinic.Domain.Corrections;

/// <summary>
/// A record is never edited: a mistake is corrected by a new event naming the event it corrects and why.
/// Implemented by every correction command and event.
/// </summary>
public interface ICorrection
{
    /// <summary>The event store id of the event being corrected; the API checks it belongs to the corrected fact.</summary>
    Guid CorrectedEventId { get; }

    string Reason { get; }
}
