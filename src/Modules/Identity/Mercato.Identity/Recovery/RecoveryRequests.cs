using FluentValidation;
using Mercato.Identity.Accounts;
using Mercato.Identity.Passwords;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Recovery;

/// <summary>Body of <c>POST /api/v1/users/forgot-password</c>.</summary>
/// <param name="Email">The account's address.</param>
internal sealed record ForgotPasswordRequest(string? Email);

/// <summary>Rules for <see cref="ForgotPasswordRequest"/>.</summary>
internal sealed class ForgotPasswordRequestValidator : AbstractValidator<ForgotPasswordRequest>
{
    /// <summary>Declares the rules.</summary>
    public ForgotPasswordRequestValidator() => RuleFor(r => r.Email).Address();
}

/// <summary>
/// Body of <c>POST /api/v1/users/reset-password</c>: seed 004's e-mail and link token, a one-time
/// code instead of the token, or seed 000's user id (<c>uid</c>, <c>uidb64</c>) with the token.
/// </summary>
/// <param name="Email">The account's address (with a code always; with a token unless <paramref name="Uid"/> names the account).</param>
/// <param name="Uid">Seed 000: the account's id, plain or base64url-encoded.</param>
/// <param name="Token">The link token from the mail.</param>
/// <param name="Code">The 6-digit code from the mail.</param>
/// <param name="NewPassword">The new password; checked against the password policy.</param>
/// <param name="ConfirmPassword">The new password again.</param>
internal sealed record ResetPasswordRequest(string? Email, string? Uid, string? Token, string? Code, string? NewPassword, string? ConfirmPassword);

/// <summary>Rules for <see cref="ResetPasswordRequest"/>.</summary>
internal sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    /// <summary>Declares the rules.</summary>
    public ResetPasswordRequestValidator(IOptions<IdentitySettings> settings)
    {
        var policy = settings.Value.Password;
        RuleFor(r => r.Token).NotEmpty().When(r => r.Code is null).WithMessage("Give 'token' (from the link) or 'code'.");
        RuleFor(r => r.Token).MaximumLength(128);
        RuleFor(r => r.Code).Null().When(r => r.Token is not null).WithMessage("Give 'token' or 'code', not both.");
        RuleFor(r => r.Code!).OneTimeCode().When(r => r.Code is not null);
        RuleFor(r => r.Email).Address().When(r => r.Code is not null || r.Uid is null);
        RuleFor(r => r.Uid).MaximumLength(64);
        this.NewPassword(r => r.NewPassword, policy);
        this.Confirmation(r => r.ConfirmPassword, r => r.NewPassword, "New Password", policy, required: true);
    }
}

/// <summary>Body of seed 000's <c>POST /api/v1/users/reset-password/confirm?uidb64=…&amp;token=…</c> (the ids may come in the body too).</summary>
/// <param name="NewPassword">The new password.</param>
/// <param name="ConfirmPassword">The new password again.</param>
/// <param name="Uidb64">The account's id, base64url-encoded or plain.</param>
/// <param name="Token">The link token.</param>
internal sealed record ConfirmResetRequest(string? NewPassword, string? ConfirmPassword, string? Uidb64, string? Token);

/// <summary>Rules for <see cref="ConfirmResetRequest"/> (the ids are checked once the query is read).</summary>
internal sealed class ConfirmResetRequestValidator : AbstractValidator<ConfirmResetRequest>
{
    /// <summary>Declares the rules.</summary>
    public ConfirmResetRequestValidator(IOptions<IdentitySettings> settings)
    {
        var policy = settings.Value.Password;
        this.NewPassword(r => r.NewPassword, policy);
        this.Confirmation(r => r.ConfirmPassword, r => r.NewPassword, "New Password", policy, required: true);
        RuleFor(r => r.Uidb64).MaximumLength(128);
        RuleFor(r => r.Token).MaximumLength(128);
    }
}

/// <summary>Body of <c>POST /api/v1/users/request-code</c> (seed 002's <c>email</c> and <c>using_for</c>).</summary>
/// <param name="Email">The account's address.</param>
/// <param name="Purpose"><c>email_verification</c> or <c>password_reset</c>.</param>
internal sealed record RequestCodeRequest(string? Email, string? Purpose);

/// <summary>Rules for <see cref="RequestCodeRequest"/>.</summary>
internal sealed class RequestCodeRequestValidator : AbstractValidator<RequestCodeRequest>
{
    /// <summary>Declares the rules.</summary>
    public RequestCodeRequestValidator()
    {
        RuleFor(r => r.Email).Address();
        RuleFor(r => r.Purpose).Purpose();
    }
}

/// <summary>
/// Body of <c>POST /api/v1/users/verify-code</c> (seed 002's <c>otp</c>, <c>email</c>,
/// <c>using_for</c> and, for a reset, <c>password</c>).
/// </summary>
/// <param name="Email">The account's address.</param>
/// <param name="Code">The 6-digit code.</param>
/// <param name="Purpose"><c>email_verification</c> or <c>password_reset</c>.</param>
/// <param name="Password">For a reset: the new password.</param>
/// <param name="ConfirmPassword">For a reset: the new password again (optional).</param>
internal sealed record VerifyCodeRequest(string? Email, string? Code, string? Purpose, string? Password, string? ConfirmPassword);

/// <summary>Rules for <see cref="VerifyCodeRequest"/>.</summary>
internal sealed class VerifyCodeRequestValidator : AbstractValidator<VerifyCodeRequest>
{
    /// <summary>Declares the rules.</summary>
    public VerifyCodeRequestValidator(IOptions<IdentitySettings> settings)
    {
        var policy = settings.Value.Password;
        RuleFor(r => r.Email).Address();
        RuleFor(r => r.Code).NotEmpty();
        RuleFor(r => r.Code!).OneTimeCode().When(r => !string.IsNullOrEmpty(r.Code));
        RuleFor(r => r.Purpose).Purpose();
        When(r => r.Purpose == SecretPurpose.PasswordReset, () =>
        {
            this.NewPassword(r => r.Password, policy);
            this.Confirmation(r => r.ConfirmPassword, r => r.Password, "Password", policy, required: false);
        });
    }
}

/// <summary>The rules the recovery requests share.</summary>
internal static class RecoveryRules
{
    /// <summary>A required, well-formed e-mail address.</summary>
    public static IRuleBuilderOptions<T, string?> Address<T>(this IRuleBuilder<T, string?> rule)
        => rule.NotEmpty().MaximumLength(256).Must(e => e is null || EmailAddressRule.IsValid(e))
            .WithMessage("'Email' is not a valid e-mail address.");

    /// <summary>Six digits.</summary>
    public static IRuleBuilderOptions<T, string> OneTimeCode<T>(this IRuleBuilder<T, string> rule)
        => rule.Matches("^[0-9]{6}$").WithMessage("The code is 6 digits.");

    /// <summary>A purpose a code can be asked for.</summary>
    public static IRuleBuilderOptions<T, string?> Purpose<T>(this IRuleBuilder<T, string?> rule)
        => rule.NotEmpty().Must(p => p is null || SecretPurpose.Requestable.Contains(p))
            .WithMessage($"'Purpose' must be one of: {string.Join(", ", SecretPurpose.Requestable)}.");
}
