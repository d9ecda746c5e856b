using Mercato.Web.Api;
using Microsoft.AspNetCore.Http;

namespace Mercato.Web.Components.Storefront;

/// <summary>Starts paying an order on the gateway's hosted page, which sends the shopper back to the confirmation page.</summary>
internal static class PaymentStart
{
    /// <summary>The storefront page the gateway returns to (with <c>order_id</c>, <c>payment_id</c> and <c>status</c>).</summary>
    public const string ReturnPath = "/checkout/confirmation";

    /// <summary>Asks the Payments API for a hosted checkout session of <paramref name="orderId"/>.</summary>
    public static Task<ApiResult<CheckoutSession>> StartAsync(ShopApi api, HttpContext http, Guid orderId)
    {
        var back = $"{http.Request.Scheme}://{http.Request.Host}{ReturnPath}";
        return api.PostAsync<CheckoutSession>(
            "api/v1/payments/checkout-sessions",
            new { orderId, successUrl = back, cancelUrl = back, failUrl = back },
            http.RequestAborted);
    }
}
