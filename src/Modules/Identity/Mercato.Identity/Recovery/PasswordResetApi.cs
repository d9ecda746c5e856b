using System.Text;
using Mercato.Identity.Users;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Identity.Recovery;

/// <summary>
/// <c>POST /api/v1/users/forgot-password</c>, <c>POST /api/v1/users/reset-password</c> and seed
/// 000's <c>POST /api/v1/users/reset-password/confirm?uidb64=…&amp;token=…</c>.
/// </summary>
internal static class PasswordResetApi
{
    /// <summary>The answer to every reset request, known address or not.</summary>
    public const string SentMessage = "If an account exists for this e-mail address, a password reset link has been sent to it";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapPasswordResetApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor).MapGroup("/api/v1/users").WithTags("Users").AllowAnonymous();
        group.MapPost("/forgot-password", ForgotAsync).WithName("ForgotPassword")
            .WithSummary("Mails a single-use reset link; answers the same whether or not the address has an account")
            .WithAliases(a => a.AcceptForm(), typeof(ForgotPasswordRequest))
            .WithUniformAnswerTime();
        group.MapPost("/reset-password", ResetAsync).WithName("ResetPassword")
            .WithSummary("Sets a new password with the mailed link token (or one-time code); signs out every session")
            .WithAliases(
                a => a.AcceptForm()
                    .Field("uidb64", "uid")
                    .Field("otp", "code")
                    .Field("new_password", "newPassword")
                    .Field("confirm_password", "confirmPassword"),
                typeof(ResetPasswordRequest));
        group.MapPost("/reset-password/confirm", ConfirmAsync).WithName("ResetPasswordConfirmSeed000")
            .WithSummary("Seed 000: sets a new password with the uidb64 and token of the mailed link")
            .WithAliases(
                a => a.AcceptForm()
                    .Field("uid", "uidb64")
                    .Field("new_password", "newPassword")
                    .Field("confirm_password", "confirmPassword"),
                typeof(ConfirmResetRequest));
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> ForgotAsync(
        ForgotPasswordRequest request, HttpContext http, MercatoUserManager users, AccountLimiter limiter, PasswordReset reset, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(request.Email!);
        var refused = await limiter.MailRequestedAsync(
            ClientAddress.Of(http), AccountLimiter.AccountKey(user, users.NormalizeEmail(request.Email!)), SecretPurpose.PasswordReset, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        await reset.RequestAsync(user, byCode: false, cancellationToken);
        return ApiResults.Ok<object?>(null, SentMessage);
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> ResetAsync(
        ResetPasswordRequest request, HttpContext http, MercatoUserManager users, AccountLimiter limiter, PasswordReset reset, CancellationToken cancellationToken)
    {
        User? user;
        string account;
        if (request.Uid is not null)
        {
            user = ParseUid(request.Uid) is { } id ? await users.FindByIdAsync(id.ToString()) : null;
            account = user?.Id.ToString() ?? "unknown-id:" + request.Uid;
            if (user is not null && request.Email is not null
                && !string.Equals(users.NormalizeEmail(request.Email), user.NormalizedEmail, StringComparison.Ordinal))
            {
                user = null;
            }
        }
        else
        {
            user = await users.FindByEmailAsync(request.Email!);
            account = AccountLimiter.AccountKey(user, users.NormalizeEmail(request.Email!));
        }

        return await ApplyResetAsync(user, account, request.Token, request.Code, request.NewPassword!, http, limiter, reset, cancellationToken);
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> ConfirmAsync(
        ConfirmResetRequest request,
        [FromQuery] string? uidb64,
        [FromQuery] string? token,
        HttpContext http,
        MercatoUserManager users,
        AccountLimiter limiter,
        PasswordReset reset,
        CancellationToken cancellationToken)
    {
        uidb64 ??= request.Uidb64;
        token ??= request.Token;
        if (string.IsNullOrEmpty(uidb64) || string.IsNullOrEmpty(token) || token.Length > 128 || uidb64.Length > 128)
        {
            return ApiResults.Validation([
                .. string.IsNullOrEmpty(uidb64) || uidb64.Length > 128 ? [new ApiError(ErrorCodes.RequiredField, "Give 'uidb64' from the reset link.", "uidb64")] : Array.Empty<ApiError>(),
                .. string.IsNullOrEmpty(token) || token.Length > 128 ? [new ApiError(ErrorCodes.RequiredField, "Give 'token' from the reset link.", "token")] : Array.Empty<ApiError>(),
            ]);
        }

        var user = ParseUid(uidb64) is { } id ? await users.FindByIdAsync(id.ToString()) : null;
        return await ApplyResetAsync(user, user?.Id.ToString() ?? "unknown-id:" + uidb64, token, code: null, request.NewPassword!, http, limiter, reset, cancellationToken);
    }

    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> ApplyResetAsync(
        User? user, string account, string? token, string? code, string newPassword, HttpContext http, AccountLimiter limiter, PasswordReset reset, CancellationToken cancellationToken)
    {
        if (await limiter.AttemptAsync(ClientAddress.Of(http), account, cancellationToken) is { } throttled)
        {
            return throttled;
        }

        var refused = await reset.ResetAsync(user, token, code, newPassword, cancellationToken);
        return refused is null ? ApiResults.Ok<object?>(null, "Password reset successfully") : refused;
    }

    /// <summary>A user id as seed 000's links carry it: base64url of the id's text (Django's <c>uidb64</c>), or the id itself.</summary>
    internal static Guid? ParseUid(string uid)
    {
        if (Guid.TryParse(uid, out var plain))
        {
            return plain;
        }

        try
        {
            return Guid.TryParse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(uid)), out var encoded) ? encoded : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
