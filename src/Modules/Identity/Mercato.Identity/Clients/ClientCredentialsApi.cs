using Mercato.Identity.Tokens;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Identity.Clients;

/// <summary><c>POST /api/v1/auth/token</c>: OAuth 2.0 client credentials for service clients.</summary>
internal static class ClientCredentialsApi
{
    /// <summary>The only grant this endpoint serves.</summary>
    public const string GrantType = "client_credentials";

    /// <summary>The longest value of any parameter (client id, secret, scope list): longer is invalid_request.</summary>
    public const int MaxFieldLength = 1024;

    /// <summary>Maps the token endpoint.</summary>
    public static IEndpointRouteBuilder MapClientCredentialsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapPost("/api/v1/auth/token", IssueAsync)
            .WithTags("Auth")
            .WithName("ServiceToken")
            .WithSummary("Issues a service token to a configured client (grant_type=client_credentials)")
            .AddOpenApiOperationTransformer((operation, context, _) => TokenRequestOpenApi.DescribeAsync(operation, context))
            .DisableAntiforgery()
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<Results<Ok<ClientCredentialsResponse>, OAuthErrorResult>> IssueAsync(
        HttpContext context, ServiceClientRegistry clients, AccessTokenIssuer tokens, CancellationToken cancellationToken)
    {
        var fields = await TokenRequestReader.ReadAsync(context.Request, cancellationToken);
        if (fields is null)
        {
            return new OAuthErrorResult(StatusCodes.Status400BadRequest, "invalid_request",
                "Send the parameters as application/x-www-form-urlencoded (or a JSON object of strings), each once");
        }

        if (fields.FirstOrDefault(f => f.Value.Length > MaxFieldLength) is { Key: { } tooLong })
        {
            return new OAuthErrorResult(StatusCodes.Status400BadRequest, "invalid_request", $"{tooLong} must be at most {MaxFieldLength} characters", tooLong);
        }

        if (!fields.TryGetValue("grant_type", out var grantType) || string.IsNullOrEmpty(grantType))
        {
            return new OAuthErrorResult(StatusCodes.Status400BadRequest, "invalid_request", "grant_type is required", "grant_type");
        }

        if (grantType != GrantType)
        {
            return new OAuthErrorResult(StatusCodes.Status400BadRequest, "unsupported_grant_type",
                $"Only grant_type={GrantType} is supported here; users sign in at /api/v1/auth/login", "grant_type");
        }

        var hasBasic = TokenRequestReader.TryReadBasic(context.Request, out var clientId, out var secret, out var malformed);
        var hasBody = fields.ContainsKey("client_id") || fields.ContainsKey("client_secret");
        if (malformed)
        {
            return new OAuthErrorResult(StatusCodes.Status401Unauthorized, "invalid_client", "The Basic authorization header is malformed");
        }

        if (hasBasic && hasBody)
        {
            return new OAuthErrorResult(StatusCodes.Status400BadRequest, "invalid_request",
                "Authenticate the client with the Basic header or with client_id and client_secret, not both");
        }

        if (!hasBasic)
        {
            clientId = fields.GetValueOrDefault("client_id") ?? string.Empty;
            secret = fields.GetValueOrDefault("client_secret") ?? string.Empty;
        }

        var allowed = clientId.Length == 0 || secret.Length == 0 ? null : clients.Authenticate(clientId, secret);
        if (allowed is null)
        {
            return new OAuthErrorResult(StatusCodes.Status401Unauthorized, "invalid_client", "Unknown client or wrong secret");
        }

        var requested = (fields.GetValueOrDefault("scope") ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var refused = requested.Where(s => !allowed.Contains(s, StringComparer.Ordinal)).ToList();
        if (refused.Count > 0)
        {
            return new OAuthErrorResult(StatusCodes.Status400BadRequest, "invalid_scope",
                $"The client may not ask for: {string.Join(' ', refused)}", "scope");
        }

        var granted = requested.Length > 0 ? requested.Distinct(StringComparer.Ordinal).ToList() : [.. allowed];
        var token = tokens.ForClient(clientId, granted);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        return TypedResults.Ok(new ClientCredentialsResponse(token.Token, "Bearer", token.ExpiresIn, string.Join(' ', granted)));
    }
}
