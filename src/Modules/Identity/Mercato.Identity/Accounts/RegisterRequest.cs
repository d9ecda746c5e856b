using FluentValidation;
using Mercato.Identity.Passwords;
using Mercato.Platform.Envelope;
using Mercato.Platform.Validation;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Accounts;

/// <summary>
/// Body of <c>POST /api/v1/auth/register</c> (seed 004, plus seed 000's optional user name and
/// password confirmation). Roles and every other privileged field are not part of it, so they
/// cannot be bound from a request.
/// </summary>
/// <param name="Email">The e-mail address; unique regardless of case.</param>
/// <param name="Password">The password; checked against the password policy.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="PhoneNumber">Phone number, optional.</param>
/// <param name="Username">User name, optional; unique regardless of case.</param>
/// <param name="ConfirmPassword">When given, must equal <paramref name="Password"/>.</param>
internal sealed record RegisterRequest(
    string? Email,
    string? Password,
    string? FirstName,
    string? LastName,
    string? PhoneNumber,
    string? Username,
    string? ConfirmPassword);

/// <summary>Rules for <see cref="RegisterRequest"/> (the password policy itself is Identity's, see <c>PasswordPolicyOptions</c>).</summary>
internal sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    /// <summary>The longest phone number the pattern below admits.</summary>
    public const int MaxPhoneLength = 32;

    /// <summary>Declares the rules; the password policy is checked here too, so one answer names every failing field.</summary>
    public RegisterRequestValidator(IOptions<IdentitySettings> settings)
    {
        RuleFor(r => r.Email).NotEmpty().MaximumLength(256).Must(EmailAddressRule.IsValid)
            .WithMessage("'Email' is not a valid e-mail address.");
        this.NewPassword(r => r.Password, settings.Value.Password);
        this.Confirmation(r => r.ConfirmPassword, r => r.Password, "Password", settings.Value.Password, required: false);
        RuleFor(r => r.FirstName).MaximumLength(100).PlainText();
        RuleFor(r => r.LastName).MaximumLength(100).PlainText();
        RuleFor(r => r.PhoneNumber).Cascade(CascadeMode.Stop).MaximumLength(MaxPhoneLength).Matches(@"^\+?[0-9][0-9 ()\-]{5,30}$").When(r => !string.IsNullOrEmpty(r.PhoneNumber))
            .WithMessage("'Phone Number' must be a phone number such as +1234567890.");
        RuleFor(r => r.Username!).Length(3, 32).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$").When(r => r.Username is not null)
            .WithMessage("'Username' must be 3-32 letters, digits, '.', '_' or '-', starting with a letter or digit.");
    }
}
