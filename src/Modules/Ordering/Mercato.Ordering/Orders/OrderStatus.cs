namespace Mercato.Ordering.Orders;

/// <summary>Where an order is in its life; which moves are allowed is <see cref="OrderStateMachine"/>'s call.</summary>
internal enum OrderStatus
{
    /// <summary>Placed, stock reserved, waiting for payment.</summary>
    Pending,

    /// <summary>Payment confirmed.</summary>
    Paid,

    /// <summary>Being prepared in the warehouse.</summary>
    Processing,

    /// <summary>Handed to the carrier.</summary>
    Shipped,

    /// <summary>Reached the customer.</summary>
    Delivered,

    /// <summary>Cancelled before shipping; its stock was given back.</summary>
    Cancelled,

    /// <summary>The money paid was given back.</summary>
    Refunded,
}
