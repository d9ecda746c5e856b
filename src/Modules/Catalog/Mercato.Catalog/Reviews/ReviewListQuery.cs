using Mercato.Platform.Envelope;

namespace Mercato.Catalog.Reviews;

/// <summary>Query of <c>GET /api/v1/products/{id}/reviews</c>.</summary>
internal sealed class ReviewListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Reviews per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        return errors;
    }
}
