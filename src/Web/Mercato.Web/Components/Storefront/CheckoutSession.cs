namespace Mercato.Web.Components.Storefront;

/// <summary>The gateway's hosted checkout (<c>POST /api/v1/payments/checkout-sessions</c>).</summary>
/// <param name="SessionId">Session id.</param>
/// <param name="CheckoutUrl">The gateway's page to send the browser to.</param>
public sealed record CheckoutSession(Guid SessionId, string CheckoutUrl);
