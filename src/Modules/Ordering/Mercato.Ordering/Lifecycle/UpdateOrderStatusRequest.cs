using FluentValidation;
using Mercato.Platform.Validation;
using Mercato.Ordering.Orders;

namespace Mercato.Ordering.Lifecycle;

/// <summary>Body of <c>PUT /api/v1/orders/{id}/status</c> (administrators, seed 004).</summary>
/// <param name="Status">The status to move to: processing, shipped, delivered, cancelled or refunded.</param>
/// <param name="Note">A note for the history.</param>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
/// <param name="Carrier">The carrier.</param>
internal sealed record UpdateOrderStatusRequest(string? Status, string? Note, string? TrackingNumber, string? Carrier)
{
    /// <summary>The statuses an administrator may set; paid comes only from payments, pending only from checkout.</summary>
    public static readonly IReadOnlyList<OrderStatus> Settable =
        [OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered, OrderStatus.Cancelled, OrderStatus.Refunded];

    /// <summary>The status asked for, once the request is valid.</summary>
    public OrderStatus Target => Enum.Parse<OrderStatus>(Status!, ignoreCase: true);
}

/// <summary>Rules for <see cref="UpdateOrderStatusRequest"/>.</summary>
internal sealed class UpdateOrderStatusRequestValidator : AbstractValidator<UpdateOrderStatusRequest>
{
    /// <summary>Declares the rules.</summary>
    public UpdateOrderStatusRequestValidator()
    {
        var names = string.Join(", ", UpdateOrderStatusRequest.Settable.Select(OrderStatusNames.Of));
        RuleFor(r => r.Status).NotEmpty()
            .OneOf([.. UpdateOrderStatusRequest.Settable.Select(OrderStatusNames.Of)])
            .WithMessage($"status must be one of {names} (paid is set by payments)");
        RuleFor(r => r.Note).MaximumLength(500);
        RuleFor(r => r.TrackingNumber).MaximumLength(100);
        RuleFor(r => r.Carrier).MaximumLength(100);
    }
}
