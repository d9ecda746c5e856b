using FluentValidation;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Passwords;

/// <summary>Body of <c>POST /api/v1/users/change-password</c> (seed 004; seed 000's snake_case names are aliases).</summary>
/// <param name="CurrentPassword">The password the account has now.</param>
/// <param name="NewPassword">The new password; checked against the password policy.</param>
/// <param name="ConfirmPassword">The new password again.</param>
internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ConfirmPassword);

/// <summary>Rules for <see cref="ChangePasswordRequest"/>.</summary>
internal sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    /// <summary>Declares the rules.</summary>
    public ChangePasswordRequestValidator(IOptions<IdentitySettings> settings)
    {
        var policy = settings.Value.Password;
        RuleFor(r => r.CurrentPassword).NotEmpty().MaximumLength(1024);
        this.NewPassword(r => r.NewPassword, policy);
        this.Confirmation(r => r.ConfirmPassword, r => r.NewPassword, "New Password", policy, required: true);
    }
}
