using System.Text.Json;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Mercato.Platform.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (every check tagged
/// <see cref="HealthTags.Ready"/> passes: databases, broker, Redis). Ready answers 503 while a
/// check is unhealthy, so an orchestrator or load balancer stops sending traffic; degraded
/// (for example parked outbox rows) still answers 200. Both stay out of the OpenAPI documents.
/// </summary>
public static class HealthSetup
{
    private static readonly Dictionary<HealthStatus, int> StatusCodesByResult = new()
    {
        [HealthStatus.Healthy] = StatusCodes.Status200OK,
        [HealthStatus.Degraded] = StatusCodes.Status200OK,
        [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
    };

    /// <summary>Maps the two health endpoints.</summary>
    public static IEndpointRouteBuilder MapMercatoHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResultStatusCodes = StatusCodesByResult,
            ResponseWriter = WriteAsync,
        }).ExcludeFromDescription();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = c => c.Tags.Contains(HealthTags.Ready),
            ResultStatusCodes = StatusCodesByResult,
            ResponseWriter = WriteAsync,
        }).ExcludeFromDescription();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var healthy = report.Status != HealthStatus.Unhealthy;
        var body = new
        {
            success = healthy,
            data = new
            {
                status = report.Status.ToString(),
                durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
                checks = report.Entries.Select(e => new
                {
                    name = e.Key,
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
                }),
            },
            timestamp = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
