namespace Mercato.Web.Session;

/// <summary>The names the browser session is known by.</summary>
public static class WebAuth
{
    /// <summary>The cookie authentication scheme of the storefront and the dashboard (never accepted by the API).</summary>
    public const string Scheme = "MercatoWeb";

    /// <summary>The session cookie: an encrypted ticket (HttpOnly) holding the user's claims and, server-encrypted, the API tokens.</summary>
    public const string CookieName = "mercato_session";

    /// <summary>The guest cart's key (HttpOnly), until the guest signs in and the cart is merged.</summary>
    public const string CartCookieName = "mercato_cart";

    /// <summary>The policy every page gets: it reads the session cookie and lets anyone in.</summary>
    public const string PagePolicy = "MercatoWebPage";

    /// <summary>The dashboard's policy: Admin or Support (each page narrows it further).</summary>
    public const string StaffPolicy = "MercatoWebStaff";

    /// <summary>The dashboard's policy for everything but the support inbox: Admin.</summary>
    public const string AdminPolicy = "MercatoWebAdmin";

    /// <summary>The HttpContext item holding the current request's API access token.</summary>
    internal const string AccessTokenItem = "Mercato.Web.AccessToken";

    /// <summary>Token names in the session ticket.</summary>
    internal const string AccessToken = "access_token";

    /// <summary>Token names in the session ticket.</summary>
    internal const string RefreshToken = "refresh_token";

    /// <summary>When the access token expires (round-trip format).</summary>
    internal const string ExpiresAt = "expires_at";
}
