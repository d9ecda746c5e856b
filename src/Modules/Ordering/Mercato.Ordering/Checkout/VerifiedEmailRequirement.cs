using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Checkout;

/// <summary>
/// <see cref="OrderingOptions.RequireVerifiedEmail"/>: when on, a signed-in account whose access
/// token does not say <c>email_verified: true</c> is refused (403 <c>EMAIL_NOT_VERIFIED</c>) before
/// anything is reserved. Guests have no account to verify and are not concerned.
/// </summary>
internal static class VerifiedEmailRequirement
{
    /// <summary>The error code of an account that must verify its address first.</summary>
    public const string EmailNotVerified = "EMAIL_NOT_VERIFIED";

    /// <summary>Adds the check to an endpoint.</summary>
    public static RouteHandlerBuilder RequireVerifiedEmailWhenConfigured(this RouteHandlerBuilder builder)
        => builder.AddEndpointFilter(async (invocation, next) =>
        {
            var http = invocation.HttpContext;
            var required = http.RequestServices.GetRequiredService<IOptions<OrderingOptions>>().Value.RequireVerifiedEmail;
            var user = http.User;
            if (required
                && user.Identity?.IsAuthenticated == true
                && user.FindFirst(MercatoClaims.ClientId) is null
                && !string.Equals(user.FindFirst(MercatoClaims.EmailVerified)?.Value, "true", StringComparison.OrdinalIgnoreCase))
            {
                return ApiResults.Error(StatusCodes.Status403Forbidden, EmailNotVerified, "Verify your e-mail address before placing an order");
            }

            return await next(invocation);
        });
}
