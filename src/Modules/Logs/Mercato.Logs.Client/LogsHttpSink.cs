using Mercato.Logs.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Client;

/// <summary>
/// Ships batches to a Logs service in another process: <c>POST /api/v1/logs/ingest</c> with this
/// service's token (scope <see cref="LogsScopes.Write"/>), over the shared module client plumbing.
/// Records carry their ids, so a retried batch is stored once.
/// </summary>
public sealed class LogsHttpSink(HttpClient http, ILogger<LogsHttpSink> logger) : ILogSink
{
    /// <summary>The ingestion path.</summary>
    public const string IngestPath = ShippingLogger.IngestPath;

    private readonly ModuleHttp _http = new(http, logger, "Logs", (message, status, cause) => new LogsUnavailableException(message, status, cause));

    /// <inheritdoc />
    /// <exception cref="LogsUnavailableException">The Logs service gave no usable answer.</exception>
    public async Task WriteAsync(IReadOnlyList<ShippedLog> records, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(HttpMethod.Post, IngestPath, new LogIngestRequest(records), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await _http.UnexpectedAsync(response, cancellationToken);
        }
    }
}
