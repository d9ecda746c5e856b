using Mercato.Platform.Envelope;

namespace Mercato.Cart.Coupons;

/// <summary>Query of <c>GET /api/v1/coupons</c>: newest first.</summary>
internal sealed class CouponListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Coupons per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only coupons switched on (true) or off (false).</summary>
    public bool? Active { get; init; }

    /// <summary>Only coupons whose code contains this text (any case).</summary>
    [System.ComponentModel.DataAnnotations.MaxLength(CouponCodes.MaxLength)]
    public string? Code { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        if (Code is { Length: > CouponCodes.MaxLength })
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"code must be at most {CouponCodes.MaxLength} characters", "code"));
        }

        return errors;
    }
}
