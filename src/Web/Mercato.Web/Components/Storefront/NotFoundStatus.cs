using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Mercato.Web.Components.Storefront;

/// <summary>Answers a page with an error status (404 for an unknown product) while still showing the page's own message.</summary>
internal static class NotFoundStatus
{
    /// <summary>
    /// Answers 404 with the router's not-found page and switches the platform's status-code pages off for this
    /// request: they would otherwise replace the page with the API's JSON error envelope.
    /// </summary>
    public static void Set(HttpContext http, NavigationManager navigation)
    {
        Set(http, StatusCodes.Status404NotFound);
        navigation.NotFound();
    }

    /// <summary>Sets <paramref name="status"/> with the platform's status-code pages off (see the other overload).</summary>
    public static void Set(HttpContext http, int status)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        http.Response.StatusCode = status;
    }
}
