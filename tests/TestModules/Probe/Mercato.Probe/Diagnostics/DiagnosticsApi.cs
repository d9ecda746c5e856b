using System.Security.Claims;
using Mercato.Platform.Auth;
using Mercato.Platform.Correlation;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;

namespace Mercato.Probe.Diagnostics;

/// <summary>Endpoints that let tests observe the platform: slow work, failures, auth, correlation.</summary>
public static class DiagnosticsApi
{
    /// <summary>The named HttpClient used for outgoing calls.</summary>
    public const string DownstreamClient = "probe-downstream";

    /// <summary>Maps the diagnostic endpoints.</summary>
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/probe").WithTags("Probe");
        group.MapGet("/slow", SlowAsync).WithSummary("Answers after the given number of milliseconds");
        group.MapGet("/boom", Boom).WithSummary("Throws, to show the 500 envelope");
        group.MapGet("/downstream-down", DownstreamDown).WithSummary("Throws a dependency failure, to show the 503 envelope");
        group.MapGet("/whoami", WhoAmI).RequireCustomer().WithSummary("Any signed-in user");
        group.MapGet("/premium", WhoAmI).RequireAuthorization(MercatoPolicies.Premium).WithSummary("Premium or Admin");
        group.MapGet("/admin", WhoAmI).RequireAdmin().WithSummary("Admin only");
        group.MapGet("/service", WhoAmI).RequireScope("probe.read").WithSummary("Service token with probe.read");
        group.MapGet("/correlation", CorrelationAsync).WithSummary("Reports the correlation id and what a downstream call received");
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<object>>> SlowAsync(int ms, CancellationToken cancellationToken)
    {
        // Deliberately ignores the request's cancellation so a drain test sees it complete.
        await Task.Delay(Math.Clamp(ms, 0, 30_000), CancellationToken.None);
        return ApiResults.Ok<object>(new { waitedMs = ms });
    }

    private static Ok<ApiResponse<object>> Boom() =>
        throw new InvalidOperationException("Secret internal detail: connection string Password=hunter2");

    private static Ok<ApiResponse<object>> DownstreamDown() =>
        throw new DownstreamUnavailableException("Downstream refused: Password=hunter2");

    private static Ok<ApiResponse<object>> WhoAmI(ClaimsPrincipal user) =>
        ApiResults.Ok<object>(new
        {
            sub = user.FindFirstValue(MercatoClaims.Subject),
            roles = user.FindAll(MercatoClaims.Role).Select(c => c.Value).ToArray(),
        });

    private static async Task<Ok<ApiResponse<object>>> CorrelationAsync(
        IHttpClientFactory clients, IConfiguration configuration, CancellationToken cancellationToken)
    {
        string? downstreamSaw = null;
        var url = configuration["Probe:DownstreamUrl"];
        if (!string.IsNullOrEmpty(url))
        {
            using var client = clients.CreateClient(DownstreamClient);
            downstreamSaw = await client.GetStringAsync(new Uri(url), cancellationToken);
        }

        return ApiResults.Ok<object>(new { correlationId = CorrelationContext.CurrentId, downstreamSaw });
    }
}
