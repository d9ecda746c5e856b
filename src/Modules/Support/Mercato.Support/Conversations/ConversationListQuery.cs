using Mercato.Platform.Envelope;
using Mercato.Platform.OpenApi;

namespace Mercato.Support.Conversations;

/// <summary>Query of <c>GET /api/v1/support/conversations</c>: paged, newest activity first.</summary>
internal sealed class ConversationListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Conversations per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only this status: <c>open</c>, <c>pending</c> or <c>closed</c>.</summary>
    [AllowedNames(typeof(ConversationNames), nameof(ConversationNames.Names))]
    public string? Status { get; init; }

    /// <summary>Only the conversation(s) about this order.</summary>
    public Guid? OrderId { get; init; }

    /// <summary>Staff only: only those assigned to this staff member.</summary>
    public Guid? AssigneeId { get; init; }

    /// <summary>Staff only: <c>true</c> for only unassigned conversations, <c>false</c> for only assigned ones.</summary>
    public bool? Unassigned { get; init; }

    /// <summary>Staff only: only this customer's.</summary>
    public Guid? CustomerId { get; init; }

    /// <summary>Whether the query uses a filter only staff may use.</summary>
    public bool UsesStaffFilters => AssigneeId is not null || Unassigned is not null || CustomerId is not null;

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        if (Status is not null && !ConversationNames.Statuses.ContainsKey(Status))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"status must be one of {string.Join(", ", ConversationNames.Names)}", "status"));
        }

        if (AssigneeId is not null && Unassigned is true)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "assigneeId and unassigned=true exclude each other", "unassigned"));
        }

        return errors;
    }

    /// <summary>The conversations this query selects.</summary>
    public IQueryable<Conversation> Apply(IQueryable<Conversation> conversations)
    {
        if (Status is not null && ConversationNames.Statuses.TryGetValue(Status, out var status))
        {
            conversations = conversations.Where(c => c.Status == status);
        }

        if (OrderId is { } orderId)
        {
            conversations = conversations.Where(c => c.OrderId == orderId);
        }

        if (AssigneeId is { } assigneeId)
        {
            conversations = conversations.Where(c => c.AssigneeId == assigneeId);
        }

        if (Unassigned is { } unassigned)
        {
            conversations = unassigned ? conversations.Where(c => c.AssigneeId == null) : conversations.Where(c => c.AssigneeId != null);
        }

        if (CustomerId is { } customerId)
        {
            conversations = conversations.Where(c => c.CustomerId == customerId);
        }

        return conversations;
    }
}
