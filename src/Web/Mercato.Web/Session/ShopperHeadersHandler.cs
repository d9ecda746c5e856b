using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Mercato.Web.Session;

/// <summary>
/// Adds to each API call what the shopper's browser request carries: the session's access token
/// (never sent to the browser), a guest's cart key (its cookie), and the shopper's address in
/// <c>X-Forwarded-For</c> so that rate limits and sign-in throttling count the shopper, not the UI.
/// A guest cart's key that the API answers is kept in an HttpOnly cookie.
/// </summary>
/// <param name="accessor">The browser request being served.</param>
public sealed class ShopperHeadersHandler(IHttpContextAccessor accessor) : DelegatingHandler
{
    /// <summary>How long a guest cart's cookie lasts (the Cart module forgets idle guest carts after 7 days by default).</summary>
    public static readonly TimeSpan GuestCartLifetime = TimeSpan.FromDays(7);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var http = accessor.HttpContext;
        if (http is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var signedIn = false;
        if (request.Headers.Authorization is null && http.Items[WebAuth.AccessTokenItem] is string token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            signedIn = true;
        }

        if (!signedIn && !request.Headers.Contains("X-Cart-Key") && request.Headers.Authorization is null
            && http.Request.Cookies[WebAuth.CartCookieName] is { Length: > 0 } cartKey)
        {
            request.Headers.TryAddWithoutValidation("X-Cart-Key", cartKey);
        }

        if (http.Connection.RemoteIpAddress is { } shopper)
        {
            request.Headers.Remove("X-Forwarded-For");
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", shopper.ToString());
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (request.Headers.Authorization is null && response.Headers.TryGetValues("X-Cart-Key", out var keys)
            && keys.FirstOrDefault() is { Length: > 0 } newKey && !http.Response.HasStarted
            && newKey != http.Request.Cookies[WebAuth.CartCookieName])
        {
            http.Response.Cookies.Append(WebAuth.CartCookieName, newKey, new CookieOptions
            {
                HttpOnly = true,
                Secure = http.Request.IsHttps,
                SameSite = SameSiteMode.Lax,
                IsEssential = true,
                MaxAge = GuestCartLifetime,
                Path = "/",
            });
        }

        return response;
    }
}
