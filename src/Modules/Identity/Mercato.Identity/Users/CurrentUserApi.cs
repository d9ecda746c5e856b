using System.Security.Claims;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Identity.Users;

/// <summary><c>GET /api/v1/auth/me</c>: the signed-in user (seed 000's <c>/me</c>, seed 001's <c>/validate</c>).</summary>
internal static class CurrentUserApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapCurrentUserApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapGet("/api/v1/auth/me", GetAsync)
            .WithTags("Auth")
            .WithName("Me")
            .WithSummary("The signed-in user")
            // Every account, Support staff included (the dashboard's sign-in reads it); service tokens carry no role.
            .RequireAuthorization(p => p.RequireRole(MercatoRoles.Customer, MercatoRoles.Premium, MercatoRoles.Admin, MercatoRoles.Support));
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ApiErrorResult>> GetAsync(
        ClaimsPrincipal principal, MercatoUserManager users, TimeProvider time)
    {
        var user = await users.FindByIdAsync(principal.FindFirstValue(MercatoClaims.Subject) ?? string.Empty);
        if (user is null)
        {
            return SignedInUser.Gone();
        }

        var roles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        return ApiResults.Ok(UserResponse.From(user, roles, time.GetUtcNow()));
    }
}
