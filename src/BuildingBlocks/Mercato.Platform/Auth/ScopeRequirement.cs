using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Mercato.Platform.Auth;

/// <summary>Requires a token whose space-separated <c>scope</c> claim contains a scope.</summary>
public sealed class ScopeRequirement(string scope) : AuthorizationHandler<ScopeRequirement>, IAuthorizationRequirement
{
    /// <summary>The required scope.</summary>
    public string Scope { get; } = scope;

    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ScopeRequirement requirement)
    {
        if (IsGranted(context.User, requirement.Scope))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether <paramref name="user"/>'s token carries <paramref name="scope"/>.</summary>
    public static bool IsGranted(ClaimsPrincipal user, string scope)
        => user.FindAll(MercatoClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
