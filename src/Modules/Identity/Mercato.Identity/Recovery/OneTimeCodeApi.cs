using Mercato.Identity.Data;
using Mercato.Identity.Users;
using Mercato.Identity.Verification;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Identity.Recovery;

/// <summary>
/// Seed 002's e-mail one-time codes: <c>POST /api/v1/users/request-code</c> (seed 002's
/// <c>request_by_email_verification</c>) mails a 6-digit code for <c>email_verification</c> or
/// <c>password_reset</c>; <c>POST /api/v1/users/verify-code</c> (seed 002's <c>verify_email_token</c>)
/// verifies the address, or sets the new password (<c>password</c>) in the same call.
/// </summary>
internal static class OneTimeCodeApi
{
    /// <summary>The answer to every code request, known address or not.</summary>
    public const string SentMessage = "If an account exists for this e-mail address, a code has been sent to it";

    /// <summary>Maps the endpoints and their seed 002 paths.</summary>
    public static IEndpointRouteBuilder MapOneTimeCodeApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor).MapGroup("/api/v1/users").WithTags("Users").AllowAnonymous();
        foreach (var (path, name) in new[] { ("/request-code", "RequestCode"), ("/request_by_email_verification", "RequestCodeSeed002") })
        {
            group.MapPost(path, RequestAsync).WithName(name)
                .WithSummary("Mails a 6-digit one-time code (email_verification or password_reset); answers the same for unknown addresses")
                .WithAliases(a => a.AcceptForm().Field("using_for", "purpose"), typeof(RequestCodeRequest))
                .WithUniformAnswerTime();
        }

        foreach (var (path, name) in new[] { ("/verify-code", "VerifyCode"), ("/verify_email_token", "VerifyCodeSeed002") })
        {
            group.MapPost(path, VerifyAsync).WithName(name)
                .WithSummary("Verifies the address with a one-time code, or resets the password with one")
                .WithAliases(
                    a => a.AcceptForm().Field("using_for", "purpose").Field("otp", "code").Field("confirm_password", "confirmPassword"),
                    typeof(VerifyCodeRequest));
        }

        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> RequestAsync(
        RequestCodeRequest request,
        HttpContext http,
        MercatoUserManager users,
        AccountLimiter limiter,
        PasswordReset reset,
        EmailVerificationMail mail,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email!);
        var refused = await limiter.MailRequestedAsync(
            ClientAddress.Of(http), AccountLimiter.AccountKey(user, users.NormalizeEmail(request.Email!)), request.Purpose!, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (request.Purpose == SecretPurpose.PasswordReset)
        {
            await reset.RequestAsync(user, byCode: true, cancellationToken);
        }
        else
        {
            await mail.SendAsync(user, cancellationToken);
        }

        return ApiResults.Ok<object?>(null, SentMessage);
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> VerifyAsync(
        VerifyCodeRequest request,
        HttpContext http,
        MercatoUserManager users,
        AccountLimiter limiter,
        PasswordReset reset,
        EmailVerification verification,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email!);
        var account = AccountLimiter.AccountKey(user, users.NormalizeEmail(request.Email!));
        if (await limiter.AttemptAsync(ClientAddress.Of(http), account, cancellationToken) is { } throttled)
        {
            return throttled;
        }

        if (request.Purpose == SecretPurpose.PasswordReset)
        {
            var notReset = await reset.ResetAsync(user, token: null, request.Code, request.Password!, cancellationToken);
            return notReset is null ? ApiResults.Ok<object?>(null, "Password reset successfully") : notReset;
        }

        var notVerified = await verification.VerifyCodeAsync(user, request.Code!, includeEmailChange: false, cancellationToken);
        return notVerified is null ? ApiResults.Ok<object?>(null, "Email verified") : notVerified;
    }
}
