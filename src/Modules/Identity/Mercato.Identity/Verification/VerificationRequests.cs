using FluentValidation;
using Mercato.Identity.Recovery;

namespace Mercato.Identity.Verification;

/// <summary>Body of <c>POST /api/v1/users/verify-email</c>: the link's token, or the address and its code.</summary>
/// <param name="Token">The link token from the mail.</param>
/// <param name="Email">The address the code was sent to (not needed by a signed-in caller).</param>
/// <param name="Code">The 6-digit code from the mail.</param>
internal sealed record VerifyEmailRequest(string? Token, string? Email, string? Code);

/// <summary>Rules for <see cref="VerifyEmailRequest"/>.</summary>
internal sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    /// <summary>Declares the rules.</summary>
    public VerifyEmailRequestValidator()
    {
        RuleFor(r => r.Token).NotEmpty().When(r => r.Code is null).WithMessage("Give 'token' (from the link) or 'code'.");
        RuleFor(r => r.Token).MaximumLength(128);
        RuleFor(r => r.Code).Null().When(r => r.Token is not null).WithMessage("Give 'token' or 'code', not both.");
        RuleFor(r => r.Code!).OneTimeCode().When(r => r.Code is not null);
        RuleFor(r => r.Email).Address().When(r => r.Email is not null);
    }
}

/// <summary>Body of <c>POST /api/v1/users/resend-verification</c>.</summary>
/// <param name="Email">The address; a signed-in caller may leave it out.</param>
internal sealed record ResendVerificationRequest(string? Email);

/// <summary>Rules for <see cref="ResendVerificationRequest"/>.</summary>
internal sealed class ResendVerificationRequestValidator : AbstractValidator<ResendVerificationRequest>
{
    /// <summary>Declares the rules.</summary>
    public ResendVerificationRequestValidator() => RuleFor(r => r.Email).Address().When(r => r.Email is not null);
}

/// <summary>Body of <c>POST /api/v1/users/change-email</c>.</summary>
/// <param name="NewEmail">The new address.</param>
/// <param name="CurrentPassword">The account's password.</param>
internal sealed record ChangeEmailRequest(string? NewEmail, string? CurrentPassword);

/// <summary>Rules for <see cref="ChangeEmailRequest"/>.</summary>
internal sealed class ChangeEmailRequestValidator : AbstractValidator<ChangeEmailRequest>
{
    /// <summary>Declares the rules.</summary>
    public ChangeEmailRequestValidator()
    {
        RuleFor(r => r.NewEmail).Address();
        RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(1024);
    }
}
