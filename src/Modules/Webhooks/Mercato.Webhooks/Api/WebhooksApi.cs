using System.Security.Claims;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Security;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Endpoints;
using Mercato.Webhooks.Events;
using Mercato.Webhooks.Sending;
using Mercato.Webhooks.Ssrf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Webhooks.Api;

/// <summary>What the endpoint handlers share.</summary>
/// <param name="Db">The module's database.</param>
/// <param name="Time">The clock.</param>
/// <param name="UrlRules">The URL and address rules.</param>
/// <param name="Worker">The delivery worker, woken when deliveries are queued.</param>
/// <param name="Options">The module's settings.</param>
internal sealed record WebhookServices(
    [FromServices] WebhooksDbContext Db,
    [FromServices] TimeProvider Time,
    [FromServices] WebhookUrlRules UrlRules,
    [FromServices] DeliveryWorker Worker,
    [FromServices] IOptions<WebhooksOptions> Options)
{
    /// <summary>Now, in UTC.</summary>
    public DateTime Now => Time.GetUtcNow().UtcDateTime;
}

/// <summary>
/// The administrators' endpoints API (seed 004's registration and the rest): create, list, read,
/// change, delete, enable and disable endpoints, rotate a secret, send a test event, and list the
/// events one can subscribe to.
/// </summary>
internal static class WebhooksApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(WebhooksModule.Descriptor).MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAdmin();
        group.MapPost("/", CreateAsync).WithName("CreateWebhook")
            .WithSummary("Registers an endpoint (url, events, optional secret and description); the answer holds the secret, shown this once");
        group.MapGet("/", ListAsync).WithName("ListWebhooks").WithSummary("Endpoints, newest first, paged");
        group.MapGet("/events", ListEvents).WithName("ListWebhookEvents").WithSummary("The event names an endpoint can subscribe to");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetWebhook").WithSummary("One endpoint (never its secret)");
        group.MapPut("/{id:guid}", (Guid id, UpdateWebhookRequest request, [AsParameters] WebhookServices services, CancellationToken ct) => UpdateAsync(id, request, partial: false, services, ct))
            .WithName("ReplaceWebhook").WithSummary("Changes an endpoint's url, events and description (url and events required)");
        group.MapPatch("/{id:guid}", (Guid id, UpdateWebhookRequest request, [AsParameters] WebhookServices services, CancellationToken ct) => UpdateAsync(id, request, partial: true, services, ct))
            .WithName("UpdateWebhook").WithSummary("Changes what is given of an endpoint's url, events and description");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteWebhook").WithSummary("Deletes an endpoint with its deliveries");
        group.MapPost("/{id:guid}/enable", (Guid id, [AsParameters] WebhookServices services, CancellationToken ct) => SetEnabledAsync(id, true, services, ct))
            .WithName("EnableWebhook").WithSummary("Starts delivering to an endpoint again (its waiting deliveries resume)");
        group.MapPost("/{id:guid}/disable", (Guid id, [AsParameters] WebhookServices services, CancellationToken ct) => SetEnabledAsync(id, false, services, ct))
            .WithName("DisableWebhook").WithSummary("Stops delivering to an endpoint (its deliveries wait)");
        group.MapPost("/{id:guid}/rotate-secret", RotateAsync).WithName("RotateWebhookSecret")
            .WithSummary("Replaces the secret (answered this once); the old one keeps signing too for an overlap (24 h by default)");
        group.MapPost("/{id:guid}/test", TestAsync).WithName("TestWebhook").WithSummary("Queues a webhook.test event to this endpoint only; 202 with the delivery");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<WebhookResponse>>, ApiErrorResult>> CreateAsync(
        CreateWebhookRequest request, ClaimsPrincipal principal, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        if (await services.UrlRules.ProblemAsync(request.Url, cancellationToken) is { } problem)
        {
            return ApiResults.BadRequest("url", problem);
        }

        var now = services.Now;
        var secret = request.Secret ?? StandardWebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.CreateVersion7(services.Time.GetUtcNow()),
            Url = request.Url!.Trim(),
            Events = WebhookRules.Store(request.Events!),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            Secret = secret,
            Enabled = true,
            CreatedBy = principal.FindFirstValue(MercatoClaims.Subject) ?? "unknown",
            CreatedAt = now,
            UpdatedAt = now,
        };
        services.Db.Endpoints.Add(endpoint);
        await services.Db.SaveChangesAsync(cancellationToken);
        return ApiResults.Created($"/api/v1/webhooks/{endpoint.Id}", WebhookResponse.From(endpoint, now) with { Secret = secret }, "Webhook created; keep the secret, it is not shown again");
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<WebhookResponse>>>, ApiErrorResult>> ListAsync(
        int? pageNumber, int? pageSize, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var errors = new List<ApiError>();
        PageRules.Check(pageNumber, pageSize, errors);
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var number = pageNumber ?? 1;
        var size = pageSize ?? PageRules.DefaultPageSize;
        var all = services.Db.Endpoints.AsNoTracking();
        var total = await all.LongCountAsync(cancellationToken);
        var page = await all.OrderByDescending(e => e.CreatedAt).ThenByDescending(e => e.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        var now = services.Now;
        return ApiResults.Ok(new PagedResult<WebhookResponse>([.. page.Select(e => WebhookResponse.From(e, now))], number, size, total));
    }

    private static Ok<ApiResponse<IReadOnlyList<EventTypeResponse>>> ListEvents()
        => ApiResults.Ok<IReadOnlyList<EventTypeResponse>>([.. WebhookEventNames.Known.Select(e => new EventTypeResponse(e.Key, e.Value))]);

    private static async Task<Results<Ok<ApiResponse<WebhookResponse>>, ApiErrorResult>> GetAsync(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var endpoint = await services.Db.Endpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return endpoint is null ? NotFound() : ApiResults.Ok(WebhookResponse.From(endpoint, services.Now));
    }

    private static async Task<Results<Ok<ApiResponse<WebhookResponse>>, ApiErrorResult>> UpdateAsync(
        Guid id, UpdateWebhookRequest request, bool partial, WebhookServices services, CancellationToken cancellationToken)
    {
        var errors = new List<ApiError>();
        if (!partial && string.IsNullOrWhiteSpace(request.Url))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "url is required", "url"));
        }

        if (!partial && request.Events is null)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "events is required", "events"));
        }

        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var endpoint = await services.Db.Endpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return NotFound();
        }

        if (request.Url is not null)
        {
            if (await services.UrlRules.ProblemAsync(request.Url, cancellationToken) is { } problem)
            {
                return ApiResults.BadRequest("url", problem);
            }

            endpoint.Url = request.Url.Trim();
        }

        if (request.Events is not null)
        {
            endpoint.Events = WebhookRules.Store(request.Events);
        }

        if (request.Description is not null || !partial)
        {
            endpoint.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        }

        endpoint.UpdatedAt = services.Now;
        await services.Db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(WebhookResponse.From(endpoint, services.Now), "Webhook updated");
    }

    private static async Task<Results<Ok<ApiResponse<WebhookResponse>>, ApiErrorResult>> DeleteAsync(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var endpoint = await services.Db.Endpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return NotFound();
        }

        // Attempts and deliveries go with it (cascading keys on both providers); a tracked removal,
        // so the audit trail keeps what the endpoint was (its secrets redacted).
        services.Db.Endpoints.Remove(endpoint);
        await services.Db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(WebhookResponse.From(endpoint, services.Now), "Webhook deleted");
    }

    private static async Task<Results<Ok<ApiResponse<WebhookResponse>>, ApiErrorResult>> SetEnabledAsync(
        Guid id, bool enabled, WebhookServices services, CancellationToken cancellationToken)
    {
        var endpoint = await services.Db.Endpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return NotFound();
        }

        var now = services.Now;
        if (endpoint.Enabled != enabled)
        {
            endpoint.Enabled = enabled;
            endpoint.DisabledAt = enabled ? null : now;
            endpoint.DisabledReason = enabled ? null : "Disabled by an administrator";
            // A fresh start: the failing streak that may have disabled it begins again.
            endpoint.FailingSince = enabled ? null : endpoint.FailingSince;
            endpoint.UpdatedAt = now;
            await services.Db.SaveChangesAsync(cancellationToken);
        }

        if (enabled)
        {
            services.Worker.Wake();
        }

        return ApiResults.Ok(WebhookResponse.From(endpoint, now), enabled ? "Webhook enabled" : "Webhook disabled");
    }

    private static async Task<Results<Ok<ApiResponse<WebhookResponse>>, ApiErrorResult>> RotateAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RotateSecretRequest? request, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var endpoint = await services.Db.Endpoints.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return NotFound();
        }

        var secret = request?.Secret ?? StandardWebhookSignature.NewSecret();
        if (secret == endpoint.Secret)
        {
            return ApiResults.BadRequest("secret", "secret must differ from the current secret");
        }

        var now = services.Now;
        var overlap = request?.OverlapMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : services.Options.Value.RotationOverlap;
        endpoint.PreviousSecret = overlap > TimeSpan.Zero ? endpoint.Secret : null;
        endpoint.PreviousSecretExpiresAt = overlap > TimeSpan.Zero ? now + overlap : null;
        endpoint.Secret = secret;
        endpoint.UpdatedAt = now;
        await services.Db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(WebhookResponse.From(endpoint, now) with { Secret = secret }, "Secret rotated; keep the new secret, it is not shown again");
    }

    private static async Task<Results<Accepted<ApiResponse<DeliveryResponse>>, ApiErrorResult>> TestAsync(
        Guid id, ClaimsPrincipal principal, [AsParameters] WebhookServices services, DeliveryQueue queue, CancellationToken cancellationToken)
    {
        var endpoint = await services.Db.Endpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (endpoint is null)
        {
            return NotFound();
        }

        if (!endpoint.Enabled)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, "The webhook is disabled; enable it before sending a test event");
        }

        var delivery = queue.Test(endpoint, principal.FindFirstValue(MercatoClaims.Subject) ?? "an administrator");
        await services.Db.SaveChangesAsync(cancellationToken);
        services.Worker.Wake();
        return TypedResults.Accepted($"/api/v1/webhooks/deliveries/{delivery.Id}", ApiResults.Wrap(DeliveryResponse.From(delivery), "Test event queued"));
    }

    private static ApiErrorResult NotFound() => ApiResults.NotFound("Webhook not found");
}
