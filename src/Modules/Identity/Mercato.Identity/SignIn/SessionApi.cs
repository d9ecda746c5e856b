using System.Security.Claims;
using Mercato.Identity.Data;
using Mercato.Identity.Tokens;
using Mercato.Identity.Users;
using Mercato.Platform.Auth;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Mercato.Identity.SignIn;

/// <summary>Sign-in, token refresh and sign-out.</summary>
internal static partial class SessionApi
{
    private const string InvalidCredentials = "Invalid e-mail, user name or password";

    /// <summary>Maps <c>/api/v1/auth/login</c>, <c>/refresh</c> and <c>/logout</c>.</summary>
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor).MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).WithName("Login")
            .WithSummary("Signs in with e-mail or user name and password (JSON or form fields)").AllowAnonymous()
            .WithAliases(a => a.AcceptForm(), typeof(LoginRequest))
            .Produces<ErrorResponse>(StatusCodes.Status401Unauthorized);
        group.MapPost("/refresh", RefreshAsync).WithName("RefreshToken")
            .WithSummary("Trades a refresh token for a new pair (the old one is spent)").AllowAnonymous()
            .Produces<ErrorResponse>(StatusCodes.Status401Unauthorized);
        group.MapPost("/logout", LogoutAsync).WithName("Logout")
            .WithSummary("Revokes the refresh token's whole session").RequireAuthorization();
        return endpoints;
    }

    /// <remarks>
    /// Every attempt is throttled per source address and account (see <see cref="ISignInThrottle"/>);
    /// an unknown account goes through exactly the same steps, so no answer tells which accounts exist.
    /// </remarks>
    private static async Task<Results<Ok<ApiResponse<TokenPairResponse>>, ApiErrorResult>> LoginAsync(
        LoginRequest request,
        HttpContext http,
        MercatoUserManager users,
        UnknownAccountDecoy decoy,
        ISignInThrottle throttle,
        SessionIssuer sessions,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var identifier = request.Identifier;
        var user = await users.FindByEmailAsync(identifier) ?? await users.FindByNameAsync(identifier);
        var address = ClientAddress.Of(http);
        var account = user?.Id.ToString() ?? "unknown:" + users.NormalizeName(identifier);
        var (attempt, wait) = await throttle.TryBeginAsync(address, account);
        if (attempt is null)
        {
            return Throttled(wait);
        }

        bool valid;
        try
        {
            if (user is null)
            {
                // Spend the same work as a real check, so timing does not reveal which accounts exist.
                decoy.Verify(request.Password!);
                valid = false;
            }
            else
            {
                valid = await users.CheckPasswordAsync(user, request.Password!);
            }
        }
        catch
        {
            await attempt.AbandonedAsync();
            throw;
        }

        if (!valid)
        {
            wait = await attempt.FailedAsync();
            if (wait > TimeSpan.Zero)
            {
                LogThrottled(loggers.CreateLogger(typeof(SessionApi)), address, (int)wait.TotalSeconds);
                return Throttled(wait);
            }

            return Unauthorized();
        }

        await attempt.SucceededAsync();
        if (await users.IsLockedOutAsync(user!))
        {
            // Only the right password learns that the account is locked.
            return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "This account is locked; contact the shop");
        }

        return ApiResults.Ok(await sessions.IssueAsync(user!, familyId: null, includeUser: true, cancellationToken), "Login successful");
    }

    private static async Task<Results<Ok<ApiResponse<TokenPairResponse>>, ApiErrorResult>> RefreshAsync(
        RefreshRequest request,
        MercatoIdentityDbContext db,
        RefreshTokenService refreshTokens,
        MercatoUserManager users,
        SessionIssuer sessions,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var redemption = await refreshTokens.RedeemAsync(request.RefreshToken!, cancellationToken);
        if (redemption.Outcome != RefreshOutcome.Redeemed)
        {
            // A reused token's family revocation must stick.
            await transaction.CommitAsync(cancellationToken);
            return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidToken,
                redemption.Outcome == RefreshOutcome.Reused
                    ? "This refresh token was already used; the session has been revoked. Sign in again"
                    : "The refresh token is invalid, expired or revoked");
        }

        var user = await users.FindByIdAsync(redemption.UserId.ToString());
        if (user is null)
        {
            await transaction.CommitAsync(cancellationToken);
            return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidToken, "The account no longer exists");
        }

        if (await users.IsLockedOutAsync(user))
        {
            await transaction.CommitAsync(cancellationToken);
            return ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.InvalidToken, "This account is locked");
        }

        var pair = await sessions.IssueAsync(user, redemption.FamilyId, includeUser: false, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ApiResults.Ok(pair);
    }

    private static async Task<Results<NoContent, ApiErrorResult>> LogoutAsync(
        RefreshRequest request, ClaimsPrincipal principal, RefreshTokenService refreshTokens, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var userId))
        {
            return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.Forbidden, "Only a signed-in user can sign out");
        }

        // A token that is unknown or someone else's is left alone; the answer does not tell which.
        await refreshTokens.RevokeAsync(request.RefreshToken!, userId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ApiErrorResult Unauthorized()
        => ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, InvalidCredentials);

    internal static ApiErrorResult Throttled(TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        return ApiResults.TooManyRequests(seconds, $"Too many failed sign-ins from this address; try again in {seconds} second(s)");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-ins from {Address} slowed down for {Seconds} s after repeated failures")]
    private static partial void LogThrottled(ILogger logger, string address, int seconds);
}
