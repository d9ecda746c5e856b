using System.ComponentModel.DataAnnotations;
using Mercato.Platform.Envelope;

namespace Mercato.Catalog.Search;

/// <summary>Query of <c>GET /api/v1/products/search</c>.</summary>
internal sealed class SearchQuery
{
    /// <summary>The longest search text.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>The words to find (required).</summary>
    [MaxLength(MaxQueryLength)]
    public string? Q { get; init; }

    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Products per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        if (string.IsNullOrWhiteSpace(Q))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "q is required", "q"));
        }
        else if (Q.Length > MaxQueryLength)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"q must be at most {MaxQueryLength} characters", "q"));
        }

        PageRules.Check(PageNumber, PageSize, errors);
        return errors;
    }
}
