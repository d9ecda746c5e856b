using Mercato.Cart.Contracts;
using Mercato.Catalog.Contracts;
using Mercato.Identity.Contracts;
using Mercato.Messaging.Outbox;
using Mercato.Ordering.Contracts;
using Mercato.Ordering.Data;
using Mercato.Ordering.Numbers;
using Mercato.Ordering.Orders;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Checkout;

/// <summary>
/// Places an order from a cart, in this order: read the cart priced now; reserve every line's
/// stock (all or none; the hold outlives the payment window, and lapses by itself if no order
/// ever refers to it); redeem the cart's coupon (a refusal releases the reservation); then one
/// transaction writes the order, its number and <see cref="OrderPlaced"/> to the outbox; last the
/// cart is cleared. If the order cannot be written, the coupon and the reservation are given back.
/// </summary>
internal sealed partial class OrderPlacement(
    OrderingDbContext db,
    ICartClient carts,
    ICatalogClient catalog,
    IIdentityClient identity,
    TimeProvider clock,
    IServiceScopeFactory scopes,
    IOptions<OrderingOptions> options,
    ILogger<OrderPlacement> logger)
{
    /// <summary>Places the <paramref name="buyer"/>'s cart as an order.</summary>
    public async Task<PlacementResult> PlaceAsync(Buyer buyer, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var email = buyer.UserId is null ? request.ContactEmail?.Trim() : buyer.Email;
        if (string.IsNullOrEmpty(email))
        {
            return Refused(ApiResults.BadRequest("contactEmail", "A guest order needs a contact e-mail", ErrorCodes.RequiredField));
        }

        var (addresses, refused) = await AddressesAsync(buyer, request, cancellationToken);
        if (refused is not null)
        {
            return Refused(refused);
        }

        var owner = buyer.Cart;
        var cart = await carts.GetCartAsync(owner, cancellationToken);
        if (cart is null || cart.Lines.Count == 0)
        {
            return Refused(cart is not null && await JustOrderedAsync(cart, cancellationToken)
                ? AlreadyOrdered()
                : ApiResults.BadRequest("cart", "The cart is empty: add products before placing an order"));
        }

        if (cart.AppliedCoupon is { } applied && cart.CouponCode is null)
        {
            // Never charge full price silently for a cart the shopper believes is discounted.
            return Refused(ApiResults.Conflict(
                ErrorCodes.Conflict,
                $"The coupon {applied} on your cart no longer applies ({cart.CouponProblem}); remove it to order at full price",
                "couponCode"));
        }

        if (request.CouponCode is { Length: > 0 } named && !string.Equals(named.Trim(), cart.CouponCode, StringComparison.OrdinalIgnoreCase))
        {
            return Refused(ApiResults.BadRequest("couponCode", "Apply the coupon to the cart before placing the order"));
        }

        var orderId = Guid.CreateVersion7();
        var settings = options.Value;
        var reservation = await catalog.ReserveAsync(
            new ReserveStockRequest(orderId, [.. cart.Lines.Select(l => new ReservationLine(l.ProductId, l.Quantity))], settings.PaymentWindow + settings.ReservationMargin),
            cancellationToken);
        if (!reservation.Reserved)
        {
            return Refused(PlacementErrors.Shortage(reservation.Shortages, cart.Lines));
        }

        var redeemed = false;
        try
        {
            if (cart.CouponCode is { } code)
            {
                var redemption = await carts.RedeemCouponAsync(new CouponRedemptionRequest(orderId, code, buyer.UserId, buyer.UserId is null ? email : null), cancellationToken);
                if (!redemption.Redeemed)
                {
                    await catalog.ReleaseAsync(orderId, CancellationToken.None);
                    return Refused(PlacementErrors.Coupon(redemption));
                }

                redeemed = true;
            }

            var order = await WriteAsync(orderId, buyer, email, cart, request, addresses!, cancellationToken);
            if (order is null)
            {
                await UndoAsync(orderId, redeemed, null);
                return Refused(AlreadyOrdered());
            }

            await ClearCartAsync(owner, order);
            return new PlacementResult(order, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || redeemed)
        {
            await UndoAsync(orderId, redeemed, exception);
            throw;
        }
    }

    /// <summary>Writes the order, its number and its event; null when this state of the cart was ordered already.</summary>
    private async Task<Order?> WriteAsync(
        Guid orderId, Buyer buyer, string email, CartSnapshot cart, PlaceOrderRequest request, OrderAddresses addresses, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;

        // A customer who names no one in the body orders under their account's name.
        var namesGiven = Trimmed(request.FirstName) is not null || Trimmed(request.LastName) is not null;
        var order = new Order
        {
            Id = orderId,
            UserId = buyer.UserId,
            GuestKeyHash = buyer.GuestKeyHash,
            ContactEmail = email,
            FirstName = namesGiven ? Trimmed(request.FirstName) : Trimmed(buyer.FirstName),
            LastName = namesGiven ? Trimmed(request.LastName) : Trimmed(buyer.LastName),
            Phone = Trimmed(request.Phone),
            ShippingAddress = addresses.Shipping,
            BillingAddress = addresses.Billing,
            Status = OrderStatus.Pending,
            Subtotal = cart.Subtotal,
            Discount = cart.Discount,
            Tax = cart.Tax,
            ShippingCost = 0m,
            Total = cart.Total,
            CouponCode = cart.CouponCode,
            Notes = Trimmed(request.Notes),
            PaymentMethodId = request.PaymentMethodId,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now + options.Value.PaymentWindow,
            CartId = cart.CartId,
            CartVersion = cart.Version,
            Lines = [.. cart.Lines.Select(l => new OrderLine
            {
                Id = Guid.CreateVersion7(),
                OrderId = orderId,
                ProductId = l.ProductId,
                ProductName = l.Name,
                Sku = l.Sku,
                UnitPrice = l.UnitPrice,
                Quantity = l.Quantity,
                LineDiscount = l.Discount,
                LineTotal = l.Total,
            })],
            StatusHistory =
            [
                new OrderStatusChange { Id = Guid.CreateVersion7(), OrderId = orderId, To = OrderStatus.Pending, At = now, Note = "Order created", Actor = buyer.Actor },
            ],
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        order.Number = await OrderNumbers.NextAsync(db, now.Year, cancellationToken);
        db.Orders.Add(order);
        db.AddIntegrationEvent(
            new OrderPlaced(
                order.Id, order.Number, order.UserId, order.UserId is null ? email : null,
                [.. order.Lines.Select(l => new OrderedLine(l.ProductId, l.Quantity, l.UnitPrice))],
                order.CouponCode, order.Subtotal, order.Discount, order.Tax, order.ShippingCost, order.Total),
            OrderingModule.Name);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await CartOrderedAsync(cart))
            {
                throw;
            }

            LogCartAlreadyOrdered(cart.CartId, cart.Version);
            return null;
        }

        await transaction.CommitAsync(cancellationToken);
        LogPlaced(order.Number, order.Id, order.Lines.Count, order.Total);
        return order;
    }

    /// <summary>
    /// The order's shipping and billing addresses: inline ones as given, saved ones (by id) copied
    /// from the customer's address book now, so later edits never change the order. A guest has no
    /// address book; an id that is not one of the customer's saved addresses is refused naming its field.
    /// </summary>
    private async Task<(OrderAddresses? Addresses, ApiErrorResult? Error)> AddressesAsync(
        Buyer buyer, PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        var defaultCountry = options.Value.DefaultCountryOrNull;
        var (shipping, shippingError) = await AddressAsync(buyer, request.ShippingAddress, request.ShippingAddressId, "shippingAddressId", defaultCountry, cancellationToken);
        if (shippingError is not null)
        {
            return (null, shippingError);
        }

        var (billing, billingError) = await AddressAsync(buyer, request.BillingAddress, request.BillingAddressId, "billingAddressId", defaultCountry, cancellationToken);
        return billingError is not null ? (null, billingError) : (new OrderAddresses(shipping!, billing ?? Copy(shipping!)), null);
    }

    private async Task<(PostalAddress? Address, ApiErrorResult? Error)> AddressAsync(
        Buyer buyer, AddressBody? inline, Guid? savedId, string field, string? defaultCountry, CancellationToken cancellationToken)
    {
        if (savedId is not { } id)
        {
            return (inline?.ToStored(defaultCountry), null);
        }

        if (buyer.UserId is not { } userId)
        {
            return (null, ApiResults.BadRequest(field, "A guest has no saved addresses: send the address itself"));
        }

        return await identity.GetAddressAsync(userId, id, cancellationToken) is { } saved
            ? (FromSaved(saved), null)
            : (null, ApiResults.BadRequest(field, $"'{id}' is not one of your saved addresses"));
    }

    /// <summary>The order's copy of a saved address; its two street lines become one, as an order keeps them.</summary>
    private static PostalAddress FromSaved(AddressDetails saved) => new()
    {
        Street = string.IsNullOrWhiteSpace(saved.Street2) ? saved.Street : $"{saved.Street}, {saved.Street2}",
        City = saved.City,
        State = saved.State ?? string.Empty,
        ZipCode = saved.ZipCode,
        Country = saved.Country,
    };

    private static PostalAddress Copy(PostalAddress a) => new() { Street = a.Street, City = a.City, State = a.State, ZipCode = a.ZipCode, Country = a.Country };

    /// <summary>Where an order goes and where it is billed.</summary>
    private sealed record OrderAddresses(PostalAddress Shipping, PostalAddress Billing);

    private async Task<bool> CartOrderedAsync(CartSnapshot cart)
    {
        // Ask outside the failed transaction: another connection sees the committed order.
        await using var scope = scopes.CreateAsyncScope();
        var fresh = scope.ServiceProvider.GetRequiredService<OrderingDbContext>();
        return await fresh.Orders.AnyAsync(o => o.CartId == cart.CartId && o.CartVersion == cart.Version, CancellationToken.None);
    }

    /// <summary>
    /// Whether this empty cart is the one an order was just placed from: its last write was the
    /// clearing after that order (one version later). A double submit without an
    /// <c>Idempotency-Key</c> that arrives after the first finished is then the same conflict
    /// as one that raced it, not an "empty cart".
    /// </summary>
    private Task<bool> JustOrderedAsync(CartSnapshot cart, CancellationToken cancellationToken)
        => db.Orders.AnyAsync(o => o.CartId == cart.CartId && o.CartVersion == cart.Version - 1, cancellationToken);

    private static ApiErrorResult AlreadyOrdered() => ApiResults.Conflict(
        ErrorCodes.Conflict, "This cart has just been ordered by another request; see your orders", "cart");

    private async Task ClearCartAsync(CartOwner owner, Order order)
    {
        try
        {
            await carts.ClearCartAsync(owner, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The order stands; a cart left full is the shopper's to empty, not a reason to undo it.
            LogCartNotCleared(exception, order.Number);
        }
    }

    private async Task UndoAsync(Guid orderId, bool redeemed, Exception? cause)
    {
        LogUndoing(cause, orderId);
        try
        {
            if (redeemed)
            {
                await carts.ReleaseCouponAsync(orderId, CancellationToken.None);
            }

            await catalog.ReleaseAsync(orderId, CancellationToken.None);
        }
        catch (Exception exception)
        {
            // The reservation lapses by itself after its hold; the coupon use stays counted until released.
            LogUndoFailed(exception, orderId);
        }
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static PlacementResult Refused(ApiErrorResult error) => new(null, error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {Number} ({OrderId}) placed with {Lines} lines, total {Total}")]
    private partial void LogPlaced(string number, Guid orderId, int lines, decimal total);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {Number} was placed but its cart could not be cleared")]
    private partial void LogCartNotCleared(Exception exception, string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Placing order {OrderId} failed; giving back its coupon use and stock")]
    private partial void LogUndoing(Exception? exception, Guid orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cart {CartId} at version {Version} was ordered by a concurrent request; this one is refused")]
    private partial void LogCartAlreadyOrdered(Guid cartId, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not give back the coupon use or stock of unplaced order {OrderId}")]
    private partial void LogUndoFailed(Exception exception, Guid orderId);
}
