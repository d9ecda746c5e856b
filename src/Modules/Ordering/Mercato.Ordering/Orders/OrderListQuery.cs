using System.ComponentModel.DataAnnotations;
using Mercato.Platform.Envelope;
using Mercato.Platform.OpenApi;

namespace Mercato.Ordering.Orders;

/// <summary>Query of <c>GET /api/v1/orders</c> (seed 004), plus the customer filters administrators may use.</summary>
internal sealed class OrderListQuery
{
    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Orders per page, 1-100 (default 10, as seed 004).</summary>
    public int? PageSize { get; init; }

    /// <summary>Only orders in this status.</summary>
    [AllowedNames(typeof(OrderStatusNames), nameof(OrderStatusNames.All))]
    public string? Status { get; init; }

    /// <summary>Only orders placed at or after this instant (a date means its start, UTC).</summary>
    public DateTime? StartDate { get; init; }

    /// <summary>Only orders placed before the end of this day (a date), or at or before this instant.</summary>
    public DateTime? EndDate { get; init; }

    /// <summary>Administrators only: one customer's orders.</summary>
    public Guid? UserId { get; init; }

    /// <summary>Administrators only: orders whose contact e-mail is this (any case).</summary>
    [MaxLength(MaxEmailLength)]
    public string? Email { get; init; }

    /// <summary>Only the order with this number (<c>ORD-YYYY-NNNNNN</c>, any case).</summary>
    [MaxLength(MaxNumberLength)]
    public string? OrderNumber { get; init; }

    /// <summary>The longest order-number filter.</summary>
    public const int MaxNumberLength = 32;

    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The longest e-mail filter.</summary>
    public const int MaxEmailLength = 256;

    /// <summary>The errors of this query for a caller (customer filters need an administrator), empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate(bool isAdmin)
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);
        if (Status is not null && !OrderStatusNames.All.Contains(Status, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"status must be one of {string.Join(", ", OrderStatusNames.All)}", "status"));
        }

        if (StartDate is { } start && EndDate is { } end && Utc(start) > Utc(end))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "startDate must not be after endDate", "startDate"));
        }

        if (!isAdmin && UserId is not null)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "Only administrators filter by userId", "userId"));
        }

        if (!isAdmin && Email is not null)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "Only administrators filter by email", "email"));
        }

        if (OrderNumber is { Length: > MaxNumberLength })
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"orderNumber must be at most {MaxNumberLength} characters", "orderNumber"));
        }

        if (Email is { Length: > MaxEmailLength })
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"email must be at most {MaxEmailLength} characters", "email"));
        }

        return errors;
    }

    /// <summary>The orders this query selects out of <paramref name="orders"/>.</summary>
    public IQueryable<Order> Apply(IQueryable<Order> orders)
    {
        if (Status is not null && Enum.TryParse<OrderStatus>(Status, ignoreCase: true, out var status))
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (StartDate is { } start)
        {
            var from = Utc(start);
            orders = orders.Where(o => o.CreatedAt >= from);
        }

        if (EndDate is { } end)
        {
            // A bare date includes its whole day.
            var until = Utc(end);
            if (until.TimeOfDay == TimeSpan.Zero)
            {
                until = until.AddDays(1);
                orders = orders.Where(o => o.CreatedAt < until);
            }
            else
            {
                orders = orders.Where(o => o.CreatedAt <= until);
            }
        }

        if (UserId is { } userId)
        {
            orders = orders.Where(o => o.UserId == userId);
        }

        if (OrderNumber is { } number)
        {
            var upper = number.Trim().ToUpperInvariant();
            orders = orders.Where(o => o.Number == upper);
        }

        if (Email is { } email)
        {
            var lower = email.Trim().ToLowerInvariant();
#pragma warning disable CA1862 // string.Equals with a comparison has no SQL translation; ToLower has one on both providers.
            orders = orders.Where(o => o.ContactEmail.ToLower() == lower);
#pragma warning restore CA1862
        }

        return orders;
    }

    private static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
