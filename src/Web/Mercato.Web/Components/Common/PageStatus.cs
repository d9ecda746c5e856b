using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Mercato.Web.Components.Common;

/// <summary>
/// Answers a page with an error status: 404 with the shop's "not found" page (an unknown product,
/// another customer's order), or another status with the page's own message.
/// </summary>
internal static class PageStatus
{
    /// <summary>
    /// Answers 404 with the router's not-found page and switches the platform's status-code pages off for this
    /// request: they would otherwise replace the page with the API's JSON error envelope.
    /// </summary>
    public static void NotFound(HttpContext http, NavigationManager navigation)
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
