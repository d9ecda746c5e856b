namespace Mercato.Webhooks.Events;

// Version 1 of each event's data. These shapes are public: a field may be added, never renamed,
// retyped or removed; a change that breaks them is a new version with a new payload "version".

/// <summary>A line of an order (v1).</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units.</param>
/// <param name="UnitPrice">Price of one unit when ordered.</param>
internal sealed record OrderItemData(Guid ProductId, int Quantity, decimal UnitPrice);

/// <summary>Data of <c>order.created</c> (v1).</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="UserId">The customer, or null for a guest.</param>
/// <param name="GuestEmail">A guest's e-mail.</param>
/// <param name="Status">Always <c>pending</c>.</param>
/// <param name="Items">The lines.</param>
/// <param name="CouponCode">The coupon used.</param>
/// <param name="Subtotal">Lines' total.</param>
/// <param name="Discount">Discount.</param>
/// <param name="Tax">Tax.</param>
/// <param name="ShippingCost">Shipping.</param>
/// <param name="Total">What the customer pays.</param>
internal sealed record OrderCreatedData(
    Guid Id, string OrderNumber, Guid? UserId, string? GuestEmail, string Status, IReadOnlyList<OrderItemData> Items,
    string? CouponCode, decimal Subtotal, decimal Discount, decimal Tax, decimal ShippingCost, decimal Total);

/// <summary>Data of <c>order.updated</c> (v1): the order's new status.</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="Status">Its status now: <c>paid</c>, <c>shipped</c>, <c>delivered</c> or <c>cancelled</c>.</param>
internal sealed record OrderUpdatedData(Guid Id, string OrderNumber, string Status);

/// <summary>Data of <c>order.paid</c> (v1).</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="PaymentIntentId">The payment.</param>
/// <param name="Amount">Amount paid.</param>
internal sealed record OrderPaidData(Guid Id, string OrderNumber, string? PaymentIntentId, decimal Amount);

/// <summary>Data of <c>order.shipped</c> (v1).</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
/// <param name="Carrier">The carrier.</param>
internal sealed record OrderShippedData(Guid Id, string OrderNumber, string? TrackingNumber, string? Carrier);

/// <summary>Data of <c>order.delivered</c> (v1).</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="UserId">The customer, or null for a guest.</param>
/// <param name="ProductIds">The products delivered.</param>
internal sealed record OrderDeliveredData(Guid Id, string OrderNumber, Guid? UserId, IReadOnlyList<Guid> ProductIds);

/// <summary>Data of <c>order.cancelled</c> (v1).</summary>
/// <param name="Id">The order.</param>
/// <param name="OrderNumber">Its number.</param>
/// <param name="Reason">Why.</param>
/// <param name="WasPaid">Whether it had been paid (a refund follows).</param>
/// <param name="Items">What had been ordered.</param>
internal sealed record OrderCancelledData(Guid Id, string OrderNumber, string Reason, bool WasPaid, IReadOnlyList<OrderItemData> Items);

/// <summary>Data of <c>payment.succeeded</c>, <c>payment.failed</c> and <c>payment.refunded</c> (v1).</summary>
/// <param name="OrderId">The order paid for.</param>
/// <param name="PaymentIntentId">The payment.</param>
/// <param name="Amount">Amount captured or refunded (null for a failure).</param>
/// <param name="Reason">Why it failed (failures only).</param>
/// <param name="RefundedTotal">Everything refunded so far (refunds only).</param>
/// <param name="FullyRefunded">Whether refunded in full (refunds only).</param>
internal sealed record PaymentData(Guid OrderId, string PaymentIntentId, decimal? Amount, string? Reason, decimal? RefundedTotal, bool? FullyRefunded);

/// <summary>Data of <c>product.created</c>, <c>product.updated</c> and <c>product.deleted</c> (v1; a deletion carries the id only).</summary>
/// <param name="Id">The product.</param>
/// <param name="Name">Its name.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Price">Its price.</param>
/// <param name="PreviousPrice">Its price before the change (updates only).</param>
/// <param name="CompareAtPrice">Its list price.</param>
/// <param name="Available">Whether it is published.</param>
internal sealed record ProductData(Guid Id, string? Name, string? Sku, decimal? Price, decimal? PreviousPrice, decimal? CompareAtPrice, bool? Available);

/// <summary>Data of <c>user.registered</c> and <c>user.updated</c> (v1).</summary>
/// <param name="Id">The user.</param>
/// <param name="Email">E-mail.</param>
/// <param name="Username">User name (registrations only).</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="PhoneNumber">Phone (updates only).</param>
/// <param name="Language">Preferred language (updates only).</param>
internal sealed record UserData(Guid Id, string Email, string? Username, string FirstName, string LastName, string? PhoneNumber, string? Language);

/// <summary>Data of <c>support.message.created</c> (v1).</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="MessageId">The message.</param>
/// <param name="CustomerId">The conversation's customer.</param>
/// <param name="OrderId">The order it is about.</param>
/// <param name="Subject">The conversation's subject.</param>
/// <param name="AuthorId">Who wrote it.</param>
/// <param name="ByStaff">Whether staff wrote it.</param>
/// <param name="Body">The text.</param>
internal sealed record SupportMessageData(Guid ConversationId, Guid MessageId, Guid CustomerId, Guid? OrderId, string Subject, Guid AuthorId, bool ByStaff, string Body);

/// <summary>Data of <c>webhook.test</c> (v1).</summary>
/// <param name="EndpointId">The endpoint tested.</param>
/// <param name="Message">A line for whoever reads the receiver's log.</param>
internal sealed record TestData(Guid EndpointId, string Message);
