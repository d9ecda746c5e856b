using System.Security.Claims;
using Mercato.Messaging.Audit;
using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Api;

/// <summary>
/// Reading messages (seed 004): the history (a customer sees their own, an administrator
/// everyone's) and one message with its attempts; administrators resend or cancel one.
/// </summary>
internal static class NotificationsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(NotificationsModule.Descriptor).MapGroup("/api/v1/notifications").WithTags("Notifications");
        group.MapGet("/history", HistoryAsync).RequireCustomer().WithName("GetNotificationHistory")
            .WithSummary("Messages, newest first, paged; filters type, status, from, to (a customer sees their own, an administrator everyone's and may filter by userId)");
        group.MapGet("/{id:guid}", GetAsync).RequireCustomer().WithName("GetNotification")
            .WithSummary("One message with its status, attempts and last error (its customer or an administrator)");
        group.MapPost("/{id:guid}/resend", ResendAsync).RequireAdmin().WithName("ResendNotification")
            .WithSummary("Queues a message again as a new record, e.g. one parked as failed (administrators); 202 with the new record");
        group.MapPost("/{id:guid}/cancel", CancelAsync).RequireAdmin().WithName("CancelNotification")
            .WithSummary("Withdraws a queued message (administrators); 409 once it is being sent or was sent");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<NotificationResponse>>>, ApiErrorResult>> HistoryAsync(
        [AsParameters] NotificationListQuery query, ClaimsPrincipal principal, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var caller = NotificationCaller.From(principal);
        var messages = query.Apply(db.Notifications.AsNoTracking());
        if (!caller.IsAdmin)
        {
            messages = messages.Where(n => n.UserId == caller.UserId);
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? PageRules.DefaultPageSize;
        var total = await messages.LongCountAsync(cancellationToken);
        var page = await messages.OrderByDescending(n => n.QueuedAt).ThenByDescending(n => n.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<NotificationResponse>([.. page.Select(NotificationResponse.From)], pageNumber, pageSize, total));
    }

    private static async Task<Results<Ok<ApiResponse<NotificationResponse>>, ApiErrorResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var caller = NotificationCaller.From(principal);
        var notification = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        return notification is null || !(caller.IsAdmin || (caller.UserId is { } userId && notification.UserId == userId))
            ? NotFound()
            : ApiResults.Ok(NotificationResponse.From(notification));
    }

    private static async Task<Results<Accepted<ApiResponse<NotificationResponse>>, ApiErrorResult>> ResendAsync(
        Guid id, ClaimsPrincipal principal, NotificationsDbContext db, NotificationQueue queue, CancellationToken cancellationToken)
    {
        var original = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (original is null)
        {
            return NotFound();
        }

        if (original.Status is NotificationStatus.Queued or NotificationStatus.Sending)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, $"The message is still {NotificationNames.Of(original.Status)}; it is resent only once it was sent, failed or cancelled");
        }

        var rendered = new RenderedMessage(original.Template ?? string.Empty, original.Language, original.Subject ?? string.Empty, original.TextBody, original.HtmlBody ?? string.Empty, original.Sensitive);
        var copy = queue.Add(original.Channel, original.Recipient, original.UserId, rendered, NotificationCaller.Actor(principal), resentFrom: original.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/notifications/{copy.Id}", ApiResults.Wrap(NotificationResponse.From(copy), "Message queued again"));
    }

    private static async Task<Results<Ok<ApiResponse<NotificationResponse>>, ApiErrorResult>> CancelAsync(
        Guid id, NotificationsDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        int cancelled;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // A conditional update (the dispatcher may be taking the message); the audit entry commits with it.
            cancelled = await db.Notifications
                .Where(n => n.Id == id && n.Status == NotificationStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NotificationStatus.Cancelled).SetProperty(n => n.UpdatedAt, now), cancellationToken);
            if (cancelled == 1
                && AuditTrail.Record(db, NotificationsModule.Name, "updated", "notification", id.ToString(), new { status = "queued" }, new { status = "cancelled" }))
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var notification = await db.Notifications.AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null)
        {
            return NotFound();
        }

        return cancelled == 1
            ? ApiResults.Ok(NotificationResponse.From(notification), "Message cancelled")
            : ApiResults.Conflict(ErrorCodes.Conflict, $"The message is {NotificationNames.Of(notification.Status)}; only a queued message can be cancelled");
    }

    private static ApiErrorResult NotFound() => ApiResults.NotFound("Notification not found");
}
