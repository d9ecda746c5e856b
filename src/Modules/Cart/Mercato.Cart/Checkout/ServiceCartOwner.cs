using Mercato.Cart.Carts;
using Mercato.Cart.Contracts;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Cart.Checkout;

/// <summary>Whose cart a service asks for: <c>?userId=</c> or the guest's key in <c>X-Cart-Key</c>, exactly one of them.</summary>
internal static class ServiceCartOwner
{
    /// <summary>The owner named by the request, or the 400 that explains what is wrong.</summary>
    public static (CartOwner? Owner, ApiErrorResult? Error) Read(HttpRequest request)
    {
        var userId = request.Query["userId"].ToString();
        var cartKey = request.Headers[CartKeyHeader.Name].ToString().Trim();
        var hasUser = !string.IsNullOrWhiteSpace(userId);
        var hasKey = cartKey.Length > 0;
        if (hasUser == hasKey)
        {
            return (null, ApiResults.BadRequest("userId", $"Send either 'userId' or the '{CartKeyHeader.Name}' header, not both and not neither"));
        }

        if (!hasUser)
        {
            return (CartOwner.Guest(cartKey), null);
        }

        return Guid.TryParse(userId, out var id) && id != Guid.Empty
            ? (CartOwner.User(id), null)
            : (null, ApiResults.BadRequest("userId", "'userId' must be a user id", ErrorCodes.InvalidFormat));
    }
}
