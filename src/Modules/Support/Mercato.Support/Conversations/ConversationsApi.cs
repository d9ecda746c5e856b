using System.Security.Claims;
using Mercato.Ordering.Contracts;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Support.Data;
using Mercato.Support.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Support.Conversations;

/// <summary>
/// <c>/api/v1/support/conversations</c>: customers open conversations (optionally about one of
/// their orders) and read and write their own; staff (Admin or Support) read and answer all of
/// them, add internal notes, set the status and assign them. Another customer's conversation
/// answers 404, as one that does not exist.
/// </summary>
internal static class ConversationsApi
{
    /// <summary>The base path.</summary>
    public const string Path = "/api/v1/support/conversations";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(SupportModule.Descriptor).MapGroup(Path).WithTags("Support")
            .RequireAuthorization(p => p.RequireRole(SupportCaller.Roles));
        group.MapPost("/", OpenAsync).WithName("OpenSupportConversation")
            .WithSummary("Opens a conversation with its first message, optionally about one of the customer's orders (customers; staff get 403)");
        group.MapGet("/", ListAsync).WithName("ListSupportConversations")
            .WithSummary("Conversations, newest activity first, paged; filter status, orderId; staff see all and also filter assigneeId, unassigned, customerId");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetSupportConversation")
            .WithSummary("One conversation (its customer or staff)");
        group.MapPatch("/{id:guid}", UpdateAsync).WithName("UpdateSupportConversation")
            .WithSummary("Sets the status (open, pending, closed) and the assignee (staff); its customer may only close it");
        group.MapGet("/{id:guid}/messages", MessagesAsync).WithName("ListSupportMessages")
            .WithSummary("The conversation's messages, oldest first, paged; staff also see internal notes");
        group.MapPost("/{id:guid}/messages", PostAsync).WithName("PostSupportMessage")
            .WithSummary("Posts a message (its customer or staff); staff may post an internal note (internal: true) the customer never sees");
        return endpoints;
    }

    private static async Task<Results<Created<ApiResponse<ConversationResponse>>, ApiErrorResult>> OpenAsync(
        OpenConversationRequest request, ClaimsPrincipal principal, SupportDesk desk, IOrderingClient orders, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = SupportCaller.From(principal, time);
        if (caller.IsStaff)
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Customers open conversations; staff answer them");
        }

        if (request.OrderId is { } orderId
            && (await orders.GetDetailsAsync(orderId, cancellationToken) is not { } order || order.UserId != caller.UserId))
        {
            // The same answer for another customer's order as for none: nothing tells that it exists.
            return ApiResults.BadRequest("orderId", $"'{orderId}' is not one of your orders");
        }

        var (conversation, _) = await desk.OpenAsync(caller.UserId, request.Subject!.Trim(), request.Body!.Trim(), request.OrderId, cancellationToken);
        return ApiResults.Created($"{Path}/{conversation.Id}", ConversationResponse.From(conversation, forStaff: false), "Conversation opened");
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<ConversationResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] ConversationListQuery query, ClaimsPrincipal principal, SupportDbContext db, StaffDirectory staff, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var caller = SupportCaller.From(principal, time);
        if (!caller.IsStaff && query.UsesStaffFilters)
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only staff filter by assigneeId, unassigned or customerId");
        }

        await staff.NoteAsync(caller, cancellationToken);
        var conversations = query.Apply(db.Conversations.AsNoTracking());
        conversations = caller.IsStaff
            ? conversations.OrderByDescending(c => c.LastActivityAt).ThenByDescending(c => c.Id)
            : conversations.Where(c => c.CustomerId == caller.UserId).OrderByDescending(c => c.LastMessageAt).ThenByDescending(c => c.Id);
        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? PageRules.DefaultPageSize;
        var total = await conversations.LongCountAsync(cancellationToken);
        var page = await conversations.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<ConversationResponse>([.. page.Select(c => ConversationResponse.From(c, caller.IsStaff))], pageNumber, pageSize, total));
    }

    private static async Task<Results<Ok<ApiResponse<ConversationResponse>>, ApiErrorResult>> GetAsync(
        Guid id, ClaimsPrincipal principal, SupportDbContext db, StaffDirectory staff, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = SupportCaller.From(principal, time);
        await staff.NoteAsync(caller, cancellationToken);
        var conversation = await VisibleAsync(db, id, caller, cancellationToken);
        return conversation is null ? NotFound() : ApiResults.Ok(ConversationResponse.From(conversation, caller.IsStaff));
    }

    private static async Task<Results<Ok<ApiResponse<ConversationResponse>>, ApiErrorResult>> UpdateAsync(
        Guid id,
        UpdateConversationRequest request,
        ClaimsPrincipal principal,
        SupportDbContext db,
        SupportDesk desk,
        StaffDirectory staff,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var caller = SupportCaller.From(principal, time);
        await staff.NoteAsync(caller, cancellationToken);
        if (await VisibleAsync(db, id, caller, cancellationToken) is null)
        {
            return NotFound();
        }

        var status = request.Status is null ? (ConversationStatus?)null : ConversationNames.Statuses[request.Status];
        if (!caller.IsStaff && (request.ChangesAssignee || status is not (null or ConversationStatus.Closed)))
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "A customer may only close their conversation; staff set other statuses and assign it");
        }

        if (request.Assignee is { } assignee && !await staff.IsStaffAsync(assignee, cancellationToken))
        {
            return ApiResults.BadRequest("assigneeId", $"'{assignee}' is not a staff member (Admin or Support)");
        }

        var updated = await desk.UpdateAsync(id, caller, status, request.ChangesAssignee, request.Assignee, cancellationToken);
        return updated is null ? NotFound() : ApiResults.Ok(ConversationResponse.From(updated, caller.IsStaff), "Conversation updated");
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<MessageResponse>>>, ApiErrorResult>> MessagesAsync(
        Guid id, [AsParameters] MessageListQuery query, ClaimsPrincipal principal, SupportDbContext db, StaffDirectory staff, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = SupportCaller.From(principal, time);
        await staff.NoteAsync(caller, cancellationToken);
        if (await VisibleAsync(db, id, caller, cancellationToken) is null)
        {
            return NotFound();
        }

        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var messages = db.Messages.AsNoTracking().Where(m => m.ConversationId == id);
        if (!caller.IsStaff)
        {
            messages = messages.Where(m => !m.Internal);
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? PageRules.MaxPageSize;
        var total = await messages.LongCountAsync(cancellationToken);
        var page = await messages.OrderBy(m => m.Sequence)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return ApiResults.Ok(new PagedResult<MessageResponse>([.. page.Select(MessageResponse.From)], pageNumber, pageSize, total));
    }

    private static async Task<Results<Created<ApiResponse<MessageResponse>>, ApiErrorResult>> PostAsync(
        Guid id, PostMessageRequest request, ClaimsPrincipal principal, SupportDbContext db, SupportDesk desk, StaffDirectory staff, TimeProvider time, CancellationToken cancellationToken)
    {
        var caller = SupportCaller.From(principal, time);
        await staff.NoteAsync(caller, cancellationToken);
        var isInternal = request.Internal ?? false;
        if (isInternal && !caller.IsStaff)
        {
            // Another customer's conversation stays a 404 even here.
            return await VisibleAsync(db, id, caller, cancellationToken) is null
                ? NotFound()
                : ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only staff post internal notes");
        }

        return await desk.PostAsync(id, caller, request.Body!.Trim(), isInternal, cancellationToken) is { } posted
            ? ApiResults.Created($"{Path}/{id}/messages/{posted.Message.Id}", MessageResponse.From(posted.Message), isInternal ? "Note added" : "Message posted")
            : NotFound();
    }

    /// <summary>The conversation if <paramref name="caller"/> may see it (staff: any; a customer: their own).</summary>
    private static async Task<Conversation?> VisibleAsync(SupportDbContext db, Guid id, SupportCaller caller, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return conversation is not null && (caller.IsStaff || conversation.CustomerId == caller.UserId) ? conversation : null;
    }

    private static ApiErrorResult NotFound() => ApiResults.NotFound("Conversation not found");
}
