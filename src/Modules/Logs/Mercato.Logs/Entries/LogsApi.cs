using Mercato.Logs.Client;
using Mercato.Logs.Contracts;
using Mercato.Logs.Data;
using Mercato.Logs.Export;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Logs.Entries;

/// <summary>
/// The central log: administrators query and export every process's records; processes whose
/// Logs module runs elsewhere ship their batches to the ingestion endpoint with a service token.
/// </summary>
internal static class LogsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapLogsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(LogsModule.Descriptor).MapGroup("/api/v1/logs").WithTags("Logs");
        group.MapGet(string.Empty, ListAsync).RequireAdmin().WithName("ListLogs")
            .WithSummary("Log records of every process, newest first, paged; filters service, level (minimum), from, to, correlationId, traceId and q (text in the message) (administrators)");
        group.MapGet("/{id:guid}", GetAsync).RequireAdmin().WithName("GetLog")
            .WithSummary("One log record with its exception and structured values (administrators)");
        group.MapGet("/export", Export).RequireAdmin().WithName("ExportLogs")
            .WithSummary("The log records of a time range (from, to) as JSON lines (application/x-ndjson), oldest first, streamed (administrators)");
        group.MapPost("/ingest", IngestAsync).RequireScope(LogsScopes.Write).WithName("IngestLogs")
            .WithSummary("Stores a batch of another process's log records (service token with scope logs.write); a record whose id is stored already is skipped");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<LogResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] LogListQuery query, LogsDbContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        return ApiResults.Ok(await Pages.ReadAsync(
            query.Apply(db.Logs.AsNoTracking()), l => l.OrderByDescending(e => e.Timestamp).ThenByDescending(e => e.Id), query.PageNumber, query.PageSize, LogResponse.From, cancellationToken));
    }

    private static async Task<Results<Ok<ApiResponse<LogResponse>>, ApiErrorResult>> GetAsync(Guid id, LogsDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.Logs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, cancellationToken);
        return entry is null ? ApiResults.NotFound("Log record not found") : ApiResults.Ok(LogResponse.From(entry));
    }

    private static Results<PushStreamHttpResult, ApiErrorResult> Export(
        [AsParameters] ExportQuery query, LogsDbContext db, IOptions<JsonOptions> json)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var from = query.FromUtc;
        var to = query.ToUtc;
        var rows = db.Logs.AsNoTracking().Where(l => l.Timestamp >= from && l.Timestamp < to)
            .OrderBy(l => l.Timestamp).ThenBy(l => l.Id).AsAsyncEnumerable();
        return NdjsonExport.Of(rows, LogResponse.From, json.Value.SerializerOptions, query.FileName("logs"));
    }

    private static async Task<Ok<ApiResponse<IngestResponse>>> IngestAsync(
        LogIngestRequest request, InProcessLogSink sink, CancellationToken cancellationToken)
    {
        // Storing the batch logs nothing that is shipped again (EF Core's commands, for one).
        using var quiet = LogShippingScope.Suppress();
        await sink.WriteAsync(request.Records, cancellationToken);
        return ApiResults.Ok(new IngestResponse(request.Records.Count), "Log records stored");
    }
}
