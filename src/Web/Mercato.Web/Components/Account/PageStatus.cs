using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Mercato.Web.Components.Account;

/// <summary>Statuses an account page answers with.</summary>
internal static class PageStatus
{
    /// <summary>
    /// Answers 404 with the shop's "not found" page (the router's <c>NotFoundPage</c>) instead of
    /// this page, as for an unknown address; the platform's status-code pages (the API's error
    /// envelope for bodiless errors) are switched off for this response.
    /// </summary>
    public static void NotFound(HttpContext http, NavigationManager navigation)
    {
        if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        navigation.NotFound();
    }
}
