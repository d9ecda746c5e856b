using System.Security.Claims;
using Mercato.Platform.Auth;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.RateLimiting;

/// <summary>The plan a request falls under and the budget (key) it spends.</summary>
/// <param name="PlanName">The plan's name, for logs and metrics.</param>
/// <param name="Plan">The limits.</param>
/// <param name="Key">The budget, unique per plan and client.</param>
internal readonly record struct RateLimitPartition(string PlanName, RateLimitPlan Plan, string Key)
{
    /// <summary>
    /// Picks the partition from the authenticated principal: a user's highest role (Admin, Premium,
    /// Customer) counted per subject; a service token (<c>client_id</c>, no role) counted per client;
    /// any other signed-in principal on the Guest plan per subject; anonymous callers (including
    /// those with an invalid token) per client IP (per /64 network for IPv6), which ForwardedHeaders
    /// has already taken from <c>X-Forwarded-For</c> when a trusted proxy sent it: on the
    /// AnonymousReads plan for a <c>GET</c> or <c>HEAD</c> of an endpoint marked
    /// <see cref="CacheableReadMetadata"/>, on the Guest plan otherwise.
    /// </summary>
    public static RateLimitPartition For(HttpContext context, RateLimitPlans plans)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var subject = user.FindFirstValue(MercatoClaims.Subject);
            var id = subject is null ? "ip:" + ClientIp(context) : "user:" + subject;
            if (user.IsInRole(MercatoRoles.Admin))
            {
                return new(nameof(plans.Admin), plans.Admin, "admin:" + id);
            }

            if (user.IsInRole(MercatoRoles.Premium))
            {
                return new(nameof(plans.Premium), plans.Premium, "premium:" + id);
            }

            if (user.IsInRole(MercatoRoles.Customer))
            {
                return new(nameof(plans.Customer), plans.Customer, "customer:" + id);
            }

            if (user.FindFirstValue(MercatoClaims.ClientId) is { Length: > 0 } clientId)
            {
                return new(nameof(plans.Service), plans.Service, "service:client:" + clientId);
            }

            return new(nameof(plans.Guest), plans.Guest, "guest:" + id);
        }

        if (IsCacheableRead(context))
        {
            return new(nameof(plans.AnonymousReads), plans.AnonymousReads, "reads:ip:" + ClientIp(context));
        }

        return new(nameof(plans.Guest), plans.Guest, "guest:ip:" + ClientIp(context));
    }

    private static bool IsCacheableRead(HttpContext context) =>
        (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        && context.GetEndpoint()?.Metadata.GetMetadata<CacheableReadMetadata>() is not null;

    private static string ClientIp(HttpContext context) => ClientAddress.Of(context);
}
