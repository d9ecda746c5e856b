using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;
using Mercato.Platform.Security;
using Mercato.Web.Api;
using Mercato.Web.Components;
using Mercato.Web.Components.Admin.Catalog;
using Mercato.Web.Components.Admin.Operations;
using Mercato.Web.Session;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.StaticWebAssets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Web;

/// <summary>
/// The storefront (<c>/</c>) and the admin dashboard (<c>/admin</c>): Blazor static server
/// rendering with enhanced navigation and forms, a client of the public API (see <see cref="ShopApi"/>).
/// </summary>
public static class WebModule
{
    /// <summary>The module name (<c>--services web</c>).</summary>
    public const string Name = "web";

    /// <summary>
    /// What the pages may load: everything from this origin, nothing inline, no other origin but the
    /// payment gateway's hosted page a checkout form redirects to.
    /// </summary>
    public const string PagePolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; " +
        "form-action 'self' https:; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>The module as the host sees it. The gateway sends it every page path (the root exactly).</summary>
    public static MercatoModule Descriptor { get; } = new(
        Name,
        ["/", "/admin", "/products", "/search", "/cart", "/checkout", "/account", "/_framework", "/_content", "/web"],
        b => b.AddWeb(),
        e => e.MapWeb());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        if (builder.Environment is IWebHostEnvironment web)
        {
            // Serves the static files (the stylesheet, blazor.web.js) from where the build put them
            // when the server runs from its build output in any environment; published output has them in wwwroot.
            StaticWebAssetsLoader.UseStaticWebAssets(web, builder.Configuration);
        }

        services.AddValidatedOptions<WebOptions>(WebOptions.Section);
        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddSingleton<ApiAddress>();
        services.AddSingleton<Components.Storefront.StorefrontCategories>();
        services.AddTransient<ShopperHeadersHandler>();
        services.AddHttpClient<ShopApi>((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<ApiAddress>().BaseAddress;
                client.Timeout = TimeSpan.FromSeconds(30);
            })
            .AddHttpMessageHandler<ShopperHeadersHandler>();
        services.AddScoped<WebSession>();
        services.AddSingleton<Mercato.Platform.Errors.IBrowserErrorPage, WebErrorPage>();

        services.AddWebKeyRing();
        services.AddAuthentication().AddCookie(WebAuth.Scheme, _ => { });
        services.AddOptions<CookieAuthenticationOptions>(WebAuth.Scheme).Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.Cookie.Name = WebAuth.CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/forbidden";
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = web.Value.SessionIdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<WebSession>().ValidateAsync(context);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(WebAuth.PagePolicy, p => p.AddAuthenticationSchemes(WebAuth.Scheme).RequireAssertion(_ => true))
            .AddPolicy(WebAuth.StaffPolicy, p => p.AddAuthenticationSchemes(WebAuth.Scheme).RequireRole("Admin", "Support"))
            .AddPolicy(WebAuth.AdminPolicy, p => p.AddAuthenticationSchemes(WebAuth.Scheme).RequireRole("Admin"));
        return builder;
    }

    /// <summary>Maps the pages and their static files.</summary>
    public static IEndpointRouteBuilder MapWeb(this IEndpointRouteBuilder endpoints)
    {
        // Pages and files are not rate limited themselves: each API call a page makes is, per shopper.
        endpoints.MapStaticAssets().ExcludeFromDescription().WithoutRateLimit();
        endpoints.MapBrandStylesheet().WithoutRateLimit();
        Components.Account.InvoiceDownload.MapInvoiceDownload(endpoints);
        endpoints.MapOrderInvoiceDownload().WithoutRateLimit();
        endpoints.MapProductCsvDownload().WithoutRateLimit();
        endpoints.MapRazorComponents<App>()
            .RequireAuthorization(WebAuth.PagePolicy)
            .WithContentSecurityPolicy(PagePolicy)
            .WithNoStore()
            .WithoutRateLimit()
            .ExcludeFromDescription();
        return endpoints;
    }
}
