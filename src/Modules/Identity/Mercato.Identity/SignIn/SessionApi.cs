using System.Security.Claims;
using Mercato.Identity.Data;
using Mercato.Identity.Tokens;
using Mercato.Identity.Users;
using Mercato.Platform.Auth;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Mercato.Identity.SignIn;

/// <summary>Sign-in, token refresh and sign-out.</summary>
public static partial class SessionApi
{
    private const string InvalidCredentials = "Invalid e-mail, user name or password";

    /// <summary>Maps <c>/api/v1/auth/login</c>, <c>/refresh</c> and <c>/logout</c>.</summary>
    public static IEndpointRouteBuilder MapSessionApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor).MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/login", LoginAsync).WithName("Login")
            .WithSummary("Signs in with e-mail or user name and password (JSON or form fields)").AllowAnonymous()
            .WithAliases(a => a.AcceptForm(), typeof(LoginRequest));
        group.MapPost("/refresh", RefreshAsync).WithName("RefreshToken")
            .WithSummary("Trades a refresh token for a new pair (the old one is spent)").AllowAnonymous();
        group.MapPost("/logout", LogoutAsync).WithName("Logout")
            .WithSummary("Revokes the refresh token's whole session").RequireAuthorization();
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<TokenPairResponse>>, ApiErrorResult>> LoginAsync(
        LoginRequest request,
        MercatoUserManager users,
        MercatoIdentityDbContext db,
        UnknownAccountDecoy decoy,
        SessionIssuer sessions,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var identifier = request.Identifier;
        var user = await users.FindByEmailAsync(identifier) ?? await users.FindByNameAsync(identifier);
        if (user is null)
        {
            // Spend the same work as a real check, so timing does not reveal which accounts exist.
            decoy.Verify(request.Password!);
            return Unauthorized();
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Locked(user, time);
        }

        if (!await users.CheckPasswordAsync(user, request.Password!))
        {
            await RecordFailureAsync(users, db, user);
            if (await users.IsLockedOutAsync(user))
            {
                LogLockedOut(loggers.CreateLogger(typeof(SessionApi)), user.Id);
                return Locked(user, time);
            }

            return Unauthorized();
        }

        if (user.AccessFailedCount > 0)
        {
            await users.ResetAccessFailedCountAsync(user);
        }

        return ApiResults.Ok(await sessions.IssueAsync(user, familyId: null, includeUser: true, cancellationToken), "Login successful");
    }

    private static async Task<Results<Ok<ApiResponse<TokenPairResponse>>, ApiErrorResult>> RefreshAsync(
        RefreshRequest request,
        MercatoIdentityDbContext db,
        RefreshTokenService refreshTokens,
        MercatoUserManager users,
        SessionIssuer sessions,
        TimeProvider time,
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
            await transaction.RollbackAsync(cancellationToken);
            return Locked(user, time);
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

    private static async Task RecordFailureAsync(MercatoUserManager users, MercatoIdentityDbContext db, User user)
    {
        // Parallel failures race on the concurrency stamp; retry on a fresh copy so each one counts.
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var result = await users.AccessFailedAsync(user);
            if (result.Succeeded || result.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                return;
            }

            await db.Entry(user).ReloadAsync();
        }
    }

    private static ApiErrorResult Unauthorized()
        => ApiResults.Error(StatusCodes.Status401Unauthorized, ErrorCodes.Unauthorized, InvalidCredentials);

    private static ApiErrorResult Locked(User user, TimeProvider time)
    {
        var seconds = (int)Math.Ceiling(Math.Max(0, ((user.LockoutEnd ?? time.GetUtcNow()) - time.GetUtcNow()).TotalSeconds));
        return new ApiErrorResult(
            StatusCodes.Status423Locked,
            StatusMessages.For(StatusCodes.Status423Locked),
            [new ApiError(ErrorCodes.AccountLocked, $"Too many failed sign-ins; the account is locked. Try again in {Math.Max(1, (seconds + 59) / 60)} minute(s)")])
        {
            RetryAfter = seconds,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "User {UserId} locked out after repeated failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, Guid userId);
}
