using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Auth;

/// <summary>Builds <c>scope:&lt;name&gt;</c> and <c>admin-or-scope:&lt;name&gt;</c> policies on demand; everything else comes from configuration.</summary>
internal sealed class ScopePolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(MercatoPolicies.ScopePrefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new ScopeRequirement(policyName[MercatoPolicies.ScopePrefix.Length..]))
                .Build();
        }

        if (policyName.StartsWith(MercatoPolicies.AdminOrScopePrefix, StringComparison.Ordinal))
        {
            var scope = policyName[MercatoPolicies.AdminOrScopePrefix.Length..];
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(c => c.User.IsInRole(MercatoRoles.Admin) || ScopeRequirement.IsGranted(c.User, scope))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}
