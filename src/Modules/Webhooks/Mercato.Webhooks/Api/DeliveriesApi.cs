using Mercato.Messaging.Audit;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Webhooks.Data;
using Mercato.Webhooks.Deliveries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Api;

/// <summary>
/// The delivery log for administrators: an endpoint's deliveries (or everyone's, e.g. by
/// correlation id) with their attempts, one delivery, and replaying one delivery or all of an
/// endpoint's since a time. A replay sends the same message again (same <c>webhook-id</c> and body).
/// </summary>
internal static class DeliveriesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDeliveriesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(WebhooksModule.Descriptor).MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAdmin();
        group.MapGet("/{id:guid}/deliveries", ListForEndpointAsync).WithName("ListWebhookDeliveries")
            .WithSummary("An endpoint's deliveries with their attempts, newest first, paged; filters status, event, since, correlationId");
        group.MapGet("/deliveries", ListAllAsync).WithName("ListAllWebhookDeliveries")
            .WithSummary("Every endpoint's deliveries with their attempts, newest first, paged; filters status, event, since, correlationId");
        group.MapGet("/deliveries/{deliveryId:guid}", GetAsync).WithName("GetWebhookDelivery").WithSummary("One delivery with its payload and attempts");
        group.MapPost("/deliveries/{deliveryId:guid}/replay", ReplayAsync).WithName("ReplayWebhookDelivery")
            .WithSummary("Sends a delivery again now (the same message: same webhook-id and body); 409 while an attempt is in flight");
        group.MapPost("/{id:guid}/replay", ReplaySinceAsync).WithName("ReplayWebhookDeliveriesSince")
            .WithSummary("Sends again every delivery of the endpoint queued since a time (body or query: since); answers how many");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<DeliveryResponse>>>, ApiErrorResult>> ListForEndpointAsync(
        Guid id, [AsParameters] DeliveryListQuery query, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        if (!await services.Db.Endpoints.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return ApiResults.NotFound("Webhook not found");
        }

        return await PageAsync(services.Db.Deliveries.Where(d => d.EndpointId == id), query, cancellationToken);
    }

    private static Task<Results<Ok<ApiResponse<PagedResult<DeliveryResponse>>>, ApiErrorResult>> ListAllAsync(
        [AsParameters] DeliveryListQuery query, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
        => PageAsync(services.Db.Deliveries, query, cancellationToken);

    private static async Task<Results<Ok<ApiResponse<PagedResult<DeliveryResponse>>>, ApiErrorResult>> PageAsync(
        IQueryable<WebhookDelivery> deliveries, DeliveryListQuery query, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var selected = query.Apply(deliveries.AsNoTracking());
        var number = query.PageNumber ?? 1;
        var size = query.PageSize ?? PageRules.DefaultPageSize;
        var total = await selected.LongCountAsync(cancellationToken);
        var page = await selected.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((number - 1) * size).Take(size).Include(d => d.AttemptLog).AsSplitQuery().ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<DeliveryResponse>([.. page.Select(DeliveryResponse.From)], number, size, total));
    }

    private static async Task<Results<Ok<ApiResponse<DeliveryResponse>>, ApiErrorResult>> GetAsync(
        Guid deliveryId, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var delivery = await services.Db.Deliveries.AsNoTracking().Include(d => d.AttemptLog).FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        return delivery is null ? NotFound() : ApiResults.Ok(DeliveryResponse.From(delivery));
    }

    private static async Task<Results<Accepted<ApiResponse<DeliveryResponse>>, ApiErrorResult>> ReplayAsync(
        Guid deliveryId, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var now = services.Now;
        var replayed = await RequeueAsync(
            services.Db, services.Db.Deliveries.Where(d => d.Id == deliveryId && d.Status != DeliveryStatus.Sending), "webhook-delivery", deliveryId, now, null, cancellationToken);
        var delivery = await services.Db.Deliveries.AsNoTracking().Include(d => d.AttemptLog).FirstOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null)
        {
            return NotFound();
        }

        if (replayed == 0)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, "An attempt of this delivery is in flight; replay it once it ended");
        }

        services.Worker.Wake();
        return TypedResults.Accepted($"/api/v1/webhooks/deliveries/{delivery.Id}", ApiResults.Wrap(DeliveryResponse.From(delivery), "Delivery queued again"));
    }

    private static async Task<Results<Accepted<ApiResponse<ReplayResponse>>, ApiErrorResult>> ReplaySinceAsync(
        Guid id, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] ReplaySinceRequest? request, [FromQuery] DateTime? since,
        [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var from = request?.Since ?? since;
        if (from is null)
        {
            return ApiResults.BadRequest("since", "since is required: the instant (UTC) from which the endpoint's deliveries are sent again");
        }

        var now = services.Now;
        var utc = from.Value.ToUniversalTime();
        if (utc > now)
        {
            return ApiResults.BadRequest("since", "since must not be in the future");
        }

        if (!await services.Db.Endpoints.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return NotFound("Webhook not found");
        }

        var count = await RequeueAsync(
            services.Db, services.Db.Deliveries.Where(d => d.EndpointId == id && d.CreatedAt >= utc && d.Status != DeliveryStatus.Sending), "webhook-endpoint", id, now, utc, cancellationToken);
        services.Worker.Wake();
        return TypedResults.Accepted($"/api/v1/webhooks/{id}/deliveries", ApiResults.Wrap(new ReplayResponse(count, DateTime.SpecifyKind(utc, DateTimeKind.Utc)), $"{count} deliveries queued again"));
    }

    /// <summary>
    /// Queues the deliveries again with a conditional update (none in flight) and, when any moved,
    /// an audit entry of the administrator's replay committed in the same transaction.
    /// </summary>
    private static async Task<int> RequeueAsync(
        WebhooksDbContext db, IQueryable<WebhookDelivery> deliveries, string resourceType, Guid resourceId, DateTime now, DateTime? since, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var count = await deliveries.ExecuteUpdateAsync(Requeue(now), cancellationToken);
        if (count > 0 && AuditTrail.Record(db, WebhooksModule.Name, "replayed", resourceType, resourceId.ToString(), null, new { since, deliveries = count }))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private static Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<WebhookDelivery>> Requeue(DateTime now) =>
        s => s.SetProperty(d => d.Status, DeliveryStatus.Pending)
            .SetProperty(d => d.NextAttemptAt, now)
            .SetProperty(d => d.ScheduleStep, 0)
            .SetProperty(d => d.Replays, d => d.Replays + 1)
            .SetProperty(d => d.UpdatedAt, now);

    private static ApiErrorResult NotFound(string detail = "Delivery not found") => ApiResults.NotFound(detail);
}

/// <summary>What a replay since a time queued.</summary>
/// <param name="Replayed">How many deliveries were queued again.</param>
/// <param name="Since">From when.</param>
internal sealed record ReplayResponse(int Replayed, DateTime Since);
