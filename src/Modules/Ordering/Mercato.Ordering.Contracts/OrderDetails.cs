namespace Mercato.Ordering.Contracts;

/// <summary>
/// An order as a message about it shows it (Notifications): who to write to, what was bought at
/// which prices, where it goes and how it travels.
/// </summary>
/// <param name="OrderId">The order.</param>
/// <param name="OrderNumber">Its human-facing number.</param>
/// <param name="UserId">The customer, or null for a guest order.</param>
/// <param name="Status">Its status, lower case.</param>
/// <param name="ContactEmail">Who to write to.</param>
/// <param name="FirstName">The buyer's first name.</param>
/// <param name="LastName">The buyer's last name.</param>
/// <param name="Phone">The buyer's phone number, if given.</param>
/// <param name="Lines">What was bought, as sold.</param>
/// <param name="Subtotal">The lines' total before discount.</param>
/// <param name="Discount">The discount.</param>
/// <param name="Tax">The tax.</param>
/// <param name="ShippingCost">The shipping.</param>
/// <param name="Total">What the customer pays.</param>
/// <param name="ShippingAddress">Where it goes, one line per part.</param>
/// <param name="TrackingNumber">The latest tracking number given, if any.</param>
/// <param name="Carrier">The latest carrier given, if any.</param>
/// <param name="CancelReason">Why it was cancelled, if it was.</param>
/// <param name="CreatedAt">When it was placed (UTC).</param>
public sealed record OrderDetails(
    Guid OrderId,
    string OrderNumber,
    Guid? UserId,
    string Status,
    string ContactEmail,
    string FirstName,
    string LastName,
    string? Phone,
    IReadOnlyList<OrderDetailsLine> Lines,
    decimal Subtotal,
    decimal Discount,
    decimal Tax,
    decimal ShippingCost,
    decimal Total,
    IReadOnlyList<string> ShippingAddress,
    string? TrackingNumber,
    string? Carrier,
    string? CancelReason,
    DateTime CreatedAt);
