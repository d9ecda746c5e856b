using Mercato.Platform.Envelope;

namespace Mercato.Support.Conversations;

/// <summary>Query of <c>GET /api/v1/support/conversations/{id}/messages</c>: paged, oldest first.</summary>
internal sealed class MessageListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Messages per page, 1-100 (default 100: most conversations fit one page).</summary>
    public int? PageSize { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        return errors;
    }
}
