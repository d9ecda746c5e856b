using Mercato.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Marks operations that carry authorization metadata as needing the bearer scheme, listing the
/// policies they require (OpenAPI 3.1 allows role names for non-OAuth schemes) and stating them in
/// the description. Operations a guest may call with their <c>X-Cart-Key</c>
/// (<see cref="GuestCartKeyMetadata"/>) accept bearer or the cart key. Other anonymous operations
/// get no requirement.
/// </summary>
internal sealed class SecurityRequirementTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document
            ?? throw new InvalidOperationException("The OpenAPI document is not available to operation transformers.");
        if (metadata.OfType<GuestCartKeyMetadata>().LastOrDefault() is { } cartKey)
        {
            // Either scheme admits the caller; an empty requirement says neither is needed.
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiNames.BearerScheme, document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiNames.CartKeyScheme, document)] = [] },
            ];
            if (!cartKey.Required)
            {
                operation.Security.Add(new OpenApiSecurityRequirement());
            }

            var accepts = cartKey.Required
                ? $"**Requires** a bearer token, or a guest's `{Http.CartKeyHeader.Name}`."
                : $"**Accepts** a bearer token, or a guest's `{Http.CartKeyHeader.Name}`; without either it serves an anonymous guest.";
            operation.Description = string.IsNullOrEmpty(operation.Description) ? accepts : operation.Description + "\n\n" + accepts;
            return Task.CompletedTask;
        }

        var authorize = metadata.OfType<IAuthorizeData>().ToList();
        if (authorize.Count == 0 || metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        var policies = authorize
            .SelectMany(a => SplitRoles(a.Roles).Prepend(a.Policy))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OpenApiNames.BearerScheme, document)] = policies },
        ];

        var requirement = policies.Count == 0
            ? "**Requires** a signed-in caller (bearer token)."
            : "**Requires** a bearer token with " + string.Join(" and ", policies.Select(Describe)) + ".";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? requirement : operation.Description + "\n\n" + requirement;
        return Task.CompletedTask;
    }

    private static IEnumerable<string> SplitRoles(string? roles) =>
        (roles ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => "role:" + r);

    /// <summary>Says in words what a Mercato policy admits.</summary>
    internal static string Describe(string policy) => policy switch
    {
        MercatoPolicies.Customer => $"policy `{policy}` (role {MercatoRoles.Customer}, {MercatoRoles.Premium} or {MercatoRoles.Admin})",
        MercatoPolicies.Premium => $"policy `{policy}` (role {MercatoRoles.Premium} or {MercatoRoles.Admin})",
        MercatoPolicies.Admin => $"policy `{policy}` (role {MercatoRoles.Admin})",
        _ when policy.StartsWith(MercatoPolicies.ScopePrefix, StringComparison.Ordinal) =>
            $"policy `{policy}` (a service token with scope `{policy[MercatoPolicies.ScopePrefix.Length..]}`)",
        _ when policy.StartsWith("role:", StringComparison.Ordinal) => $"role {policy["role:".Length..]}",
        _ => $"policy `{policy}`",
    };
}
