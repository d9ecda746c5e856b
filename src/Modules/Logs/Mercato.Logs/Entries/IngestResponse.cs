namespace Mercato.Logs.Entries;

/// <summary>The answer to an ingested batch.</summary>
/// <param name="Received">How many records the batch held (records stored before are not stored twice).</param>
internal sealed record IngestResponse(int Received);
