namespace Clinic.EventStore.Projections;

/// <summary>
/// A projection whose documents each follow one stream of one stream type (the document id is the
/// stream id). Only these can run inline: the store preloads their documents with the append, and
/// rebuilds them stream by stream while appends continue.
/// </summary>
public interface IStreamProjection : IProjection
{
    string StreamType { get; }
    Type DocumentType { get; }
}
