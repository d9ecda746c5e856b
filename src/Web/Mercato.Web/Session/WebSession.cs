using System.Globalization;
using System.Security.Claims;
using Mercato.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;

namespace Mercato.Web.Session;

/// <summary>
/// The browser session of the backend-for-frontend: signing in exchanges the shopper's password for
/// the API's token pair, which stays in the encrypted, HttpOnly session cookie (never in the page
/// or in JavaScript); the access token is refreshed shortly before it expires; signing out revokes
/// the API session too. A guest's cart is merged into the account on sign-in.
/// </summary>
/// <param name="api">The public API.</param>
/// <param name="time">The clock.</param>
/// <param name="refreshed">Recent refreshes, so parallel requests of one browser never spend one refresh token twice.</param>
public sealed class WebSession(ShopApi api, TimeProvider time, IMemoryCache refreshed)
{
    /// <summary>Refresh when the access token has less than this left.</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(2);

    private static readonly SemaphoreSlim RefreshGate = new(1, 1);

    /// <summary>Signs in with the API and starts the browser session; the API's answer when it refused.</summary>
    public async Task<ApiResult<TokenPair>> SignInAsync(HttpContext http, string email, string password, CancellationToken cancellationToken)
    {
        var answer = await api.PostAsync<TokenPair>("api/v1/auth/login", new { email, password }, cancellationToken);
        if (!answer.Ok || answer.Data is not { } pair)
        {
            return answer;
        }

        var me = await api.SendAsync<SessionUser>(HttpMethod.Get, "api/v1/auth/me", null, Bearer(pair.AccessToken), cancellationToken);
        if (!me.Ok || me.Data is not { } user)
        {
            return new ApiResult<TokenPair>(me.Status, null, me.Message, me.Errors);
        }

        await StartAsync(http, pair, user);
        await MergeGuestCartAsync(http, pair.AccessToken, cancellationToken);
        return answer;
    }

    /// <summary>Ends the browser session and revokes the API session it held.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(WebAuth.Scheme);
        if (result.Succeeded && result.Properties?.GetTokenValue(WebAuth.RefreshToken) is { } refresh
            && result.Properties.GetTokenValue(WebAuth.AccessToken) is { } access)
        {
            // The API session ends too: a stolen copy of the cookie is worth nothing afterwards.
            _ = await api.SendAsync<object>(HttpMethod.Post, "api/v1/auth/logout", new { refreshToken = refresh }, Bearer(access), cancellationToken);
        }

        await http.SignOutAsync(WebAuth.Scheme);
        http.Items.Remove(WebAuth.AccessTokenItem);
    }

    /// <summary>
    /// Called for every request that carries the session cookie: makes the access token available
    /// to <see cref="ShopperHeadersHandler"/>, refreshing it first when it is about to expire.
    /// A refused refresh (the session was revoked, the password changed) ends the browser session.
    /// </summary>
    public async Task ValidateAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var properties = context.Properties;
        var access = properties.GetTokenValue(WebAuth.AccessToken);
        var refresh = properties.GetTokenValue(WebAuth.RefreshToken);
        if (access is null || refresh is null)
        {
            context.RejectPrincipal();
            return;
        }

        var expiresAt = DateTimeOffset.TryParse(properties.GetTokenValue(WebAuth.ExpiresAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : DateTimeOffset.MinValue;
        if (expiresAt - time.GetUtcNow() > RefreshBefore)
        {
            context.HttpContext.Items[WebAuth.AccessTokenItem] = access;
            return;
        }

        var pair = await RefreshAsync(refresh, context.HttpContext.RequestAborted);
        if (pair is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(WebAuth.Scheme);
            return;
        }

        Store(properties, pair);
        context.ShouldRenew = true;
        context.HttpContext.Items[WebAuth.AccessTokenItem] = pair.AccessToken;
    }

    private async Task<TokenPair?> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        // Refresh tokens are single use and a reused one revokes the whole session: two requests of
        // one browser that both find the token old must share one refresh.
        await RefreshGate.WaitAsync(cancellationToken);
        try
        {
            if (refreshed.TryGetValue(refreshToken, out TokenPair? earlier))
            {
                return earlier;
            }

            var answer = await api.PostAsync<TokenPair>("api/v1/auth/refresh", new { refreshToken }, cancellationToken);
            if (!answer.Ok || answer.Data is null)
            {
                return null;
            }

            refreshed.Set(refreshToken, answer.Data, TimeSpan.FromMinutes(1));
            return answer.Data;
        }
        finally
        {
            RefreshGate.Release();
        }
    }

    private async Task StartAsync(HttpContext http, TokenPair pair, SessionUser user)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, $"{user.FirstName} {user.LastName}".Trim()),
            new(ClaimTypes.Email, user.Email),
            new("email_verified", user.EmailVerified ? "true" : "false"),
        };
        claims.AddRange(user.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, WebAuth.Scheme, ClaimTypes.Name, ClaimTypes.Role));
        var properties = new AuthenticationProperties { IsPersistent = true };
        Store(properties, pair);
        await http.SignInAsync(WebAuth.Scheme, principal, properties);
        http.User = principal;
        http.Items[WebAuth.AccessTokenItem] = pair.AccessToken;
    }

    private void Store(AuthenticationProperties properties, TokenPair pair) => properties.StoreTokens(
    [
        new AuthenticationToken { Name = WebAuth.AccessToken, Value = pair.AccessToken },
        new AuthenticationToken { Name = WebAuth.RefreshToken, Value = pair.RefreshToken },
        new AuthenticationToken { Name = WebAuth.ExpiresAt, Value = time.GetUtcNow().AddSeconds(pair.ExpiresIn).ToString("o", CultureInfo.InvariantCulture) },
    ]);

    private async Task MergeGuestCartAsync(HttpContext http, string accessToken, CancellationToken cancellationToken)
    {
        if (http.Request.Cookies[WebAuth.CartCookieName] is not { Length: > 0 } cartKey)
        {
            return;
        }

        var headers = new Dictionary<string, string>(Bearer(accessToken)) { ["X-Cart-Key"] = cartKey };
        var merged = await api.SendAsync<object>(HttpMethod.Post, "api/v1/cart/merge", new { cartKey }, headers, cancellationToken);
        if (merged.Ok || (int)merged.Status is 404 or 410)
        {
            http.Response.Cookies.Delete(WebAuth.CartCookieName);
        }
    }

    private static Dictionary<string, string> Bearer(string accessToken) => new() { ["Authorization"] = "Bearer " + accessToken };
}
