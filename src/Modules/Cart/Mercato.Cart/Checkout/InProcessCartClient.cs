using FluentValidation;
using Mercato.Cart.Contracts;
using Mercato.Cart.Coupons;
using Mercato.Messaging.Audit;

namespace Mercato.Cart.Checkout;

/// <summary>The Cart as a co-hosted module (Ordering) calls it: straight to the services behind the service endpoints.</summary>
internal sealed class InProcessCartClient(CheckoutCarts carts, CouponRedemptions redemptions, IValidator<CouponRedemptionRequest> validator) : ICartClient
{
    /// <inheritdoc />
    public Task<CartSnapshot?> GetCartAsync(CartOwner owner, CancellationToken cancellationToken) => carts.GetAsync(owner, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> ClearCartAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        using var service = ServiceCall.Begin(CartModule.Name);
        return await carts.ClearAsync(owner, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request breaks the rules the service endpoint answers 400 for.</exception>
    public async Task<CouponRedemptionResult> RedeemCouponAsync(CouponRedemptionRequest request, CancellationToken cancellationToken)
    {
        var check = await validator.ValidateAsync(request, cancellationToken);
        if (!check.IsValid)
        {
            throw new ArgumentException(string.Join(" ", check.Errors.Select(e => e.ErrorMessage)), nameof(request));
        }

        using var service = ServiceCall.Begin(CartModule.Name);
        return (await redemptions.RedeemAsync(request, cancellationToken)).Result;
    }

    /// <inheritdoc />
    public async Task ReleaseCouponAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var service = ServiceCall.Begin(CartModule.Name);
        await redemptions.ReleaseAsync(orderId, cancellationToken);
    }
}
