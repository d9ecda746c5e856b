using Mercato.Platform.Envelope;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Identity.Tokens;

/// <summary><c>POST /api/v1/auth/verify</c>: is this token valid, and whose is it.</summary>
internal static class VerifyApi
{
    /// <summary>Maps the verification endpoint.</summary>
    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapPost("/api/v1/auth/verify", VerifyAsync)
            .WithTags("Auth")
            .WithName("VerifyToken")
            .WithSummary("Checks an access token the way every module does, and says whose it is")
            .AllowAnonymous();
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<VerifyTokenResponse>>> VerifyAsync(VerifyTokenRequest request, TokenVerifier verifier)
    {
        var result = await verifier.VerifyAsync(request.Token!);
        return ApiResults.Ok(result, result.Valid ? "Token is valid" : "Token is not valid");
    }
}
