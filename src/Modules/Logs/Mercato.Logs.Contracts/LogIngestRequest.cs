namespace Mercato.Logs.Contracts;

/// <summary>The body of <c>POST /api/v1/logs/ingest</c>: one batch of records.</summary>
/// <param name="Records">The records, at most <see cref="MaxRecords"/>.</param>
public sealed record LogIngestRequest(IReadOnlyList<ShippedLog> Records)
{
    /// <summary>The most records one batch may hold.</summary>
    public const int MaxRecords = 1000;
}
