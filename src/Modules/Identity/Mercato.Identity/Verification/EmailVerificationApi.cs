using System.Security.Claims;
using Mercato.Identity.Data;
using Mercato.Identity.Passwords;
using Mercato.Identity.Recovery;
using Mercato.Identity.Users;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Identity.Verification;

/// <summary>
/// <c>POST /api/v1/users/verify-email</c> (link token, or address and code),
/// <c>POST /api/v1/users/resend-verification</c> and <c>POST /api/v1/users/change-email</c>.
/// </summary>
internal static class EmailVerificationApi
{
    /// <summary>The answer to every resend, known address or not.</summary>
    public const string ResentMessage = "If an account with this e-mail address still has to verify it, a verification link and code have been sent to it";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapEmailVerificationApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor).MapGroup("/api/v1/users").WithTags("Users");
        group.MapPost("/verify-email", VerifyAsync).WithName("VerifyEmail")
            .WithSummary("Verifies an address with the mailed link token, or with the address and its code (a signed-in owner may verify a pending e-mail change by code)")
            .AllowAnonymous();
        group.MapPost("/resend-verification", ResendAsync).WithName("ResendVerification")
            .WithSummary("Mails a new verification link and code (the caller's, or the given address's); answers the same for unknown addresses")
            .AllowAnonymous()
            .WithUniformAnswerTime();
        group.MapPost("/change-email", ChangeAsync).WithName("ChangeEmail")
            .WithSummary("Asks to change the account's address: the new one is mailed a link and code and replaces the old one once verified")
            .RequireAuthorization(MercatoPolicies.Customer);
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> VerifyAsync(
        VerifyEmailRequest request,
        ClaimsPrincipal principal,
        HttpContext http,
        MercatoUserManager users,
        AccountLimiter limiter,
        EmailVerification verification,
        CancellationToken cancellationToken)
    {
        ApiErrorResult? refused;
        var address = ClientAddress.Of(http);
        if (request.Token is not null)
        {
            refused = await limiter.AttemptAsync(address, account: null, cancellationToken)
                ?? await verification.VerifyTokenAsync(request.Token, cancellationToken);
        }
        else
        {
            // The signed-in owner's code (which may confirm a pending change); else the code of the address given.
            var caller = await SignedInUser.FindAsync(principal, users);
            if (caller is null && request.Email is null)
            {
                return ApiResults.BadRequest("email", "Give the 'email' the code was sent to.", ErrorCodes.RequiredField);
            }

            var user = caller ?? await users.FindByEmailAsync(request.Email!);
            refused = await limiter.AttemptAsync(address, AccountLimiter.AccountKey(user, users.NormalizeEmail(request.Email ?? string.Empty)), cancellationToken)
                ?? await verification.VerifyCodeAsync(user, request.Code!, includeEmailChange: caller is not null, cancellationToken);
        }

        return refused ?? (Results<Ok<ApiResponse<object?>>, ApiErrorResult>)ApiResults.Ok<object?>(null, "Email verified");
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> ResendAsync(
        ResendVerificationRequest request,
        ClaimsPrincipal principal,
        HttpContext http,
        MercatoUserManager users,
        AccountLimiter limiter,
        EmailVerificationMail mail,
        CancellationToken cancellationToken)
    {
        var user = request.Email is not null ? await users.FindByEmailAsync(request.Email) : await SignedInUser.FindAsync(principal, users);
        if (request.Email is null && user is null)
        {
            return ApiResults.BadRequest("email", "Give the 'email' to verify, or sign in.", ErrorCodes.RequiredField);
        }

        var refused = await limiter.MailRequestedAsync(
            ClientAddress.Of(http), AccountLimiter.AccountKey(user, users.NormalizeEmail(request.Email ?? string.Empty)), SecretPurpose.EmailVerification, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        await mail.SendAsync(user, cancellationToken);
        return ApiResults.Ok<object?>(null, ResentMessage);
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> ChangeAsync(
        ChangeEmailRequest request,
        ClaimsPrincipal principal,
        HttpContext http,
        MercatoUserManager users,
        CurrentPasswordCheck currentPassword,
        AccountLimiter limiter,
        EmailChange change,
        MercatoIdentityDbContext db,
        CancellationToken cancellationToken)
    {
        var user = await SignedInUser.FindAsync(principal, users);
        if (user is null)
        {
            return SignedInUser.Gone();
        }

        if (await currentPassword.VerifyAsync(http, user, request.CurrentPassword!, "currentPassword") is { } wrong)
        {
            return wrong;
        }

        if (await limiter.MailRequestedAsync(ClientAddress.Of(http), user.Id.ToString(), SecretPurpose.EmailChange, cancellationToken) is { } throttled)
        {
            return throttled;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await change.RequestAsync(user, request.NewEmail!, cancellationToken) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ApiResults.Ok<object?>(null, "A verification link and code have been sent to the new address; the account keeps its current address until it is verified");
    }
}
