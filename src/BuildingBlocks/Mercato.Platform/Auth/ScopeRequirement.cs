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
        var granted = context.User.FindAll(MercatoClaims.Scope)
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(requirement.Scope, StringComparer.Ordinal);
        if (granted)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
