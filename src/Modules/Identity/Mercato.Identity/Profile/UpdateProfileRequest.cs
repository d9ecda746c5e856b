using FluentValidation;
using Mercato.Identity.Accounts;
using Mercato.Platform.Validation;

namespace Mercato.Identity.Profile;

/// <summary>
/// Body of <c>PUT /api/v1/users/profile</c> (seed 004) and of seed 000's <c>PUT /api/v1/users/me/update</c>.
/// PUT replaces every editable field: <c>firstName</c> and <c>lastName</c> are required, and
/// <c>phoneNumber</c>, <c>dateOfBirth</c> and <c>preferredLanguage</c> left out or null are cleared.
/// A different <c>email</c> (with <c>currentPassword</c>) starts a change of address as
/// <c>POST /api/v1/users/change-email</c> does: the new address is mailed a link and a code, and
/// becomes the account's only once verified.
/// </summary>
/// <param name="FirstName">First name (required).</param>
/// <param name="LastName">Last name (required).</param>
/// <param name="PhoneNumber">Phone number in E.164 (<c>+14155550123</c>); null clears it.</param>
/// <param name="DateOfBirth">Date of birth, <c>yyyy-MM-dd</c>; a real past date from 1900 on, at least 13 years ago; null clears it.</param>
/// <param name="PreferredLanguage">The language of the user's mails, a BCP 47 tag such as <c>en</c> or <c>pt-BR</c>; null is the shop's default.</param>
/// <param name="Email">The account's e-mail address; a different one asks to change it (needs <paramref name="CurrentPassword"/>).</param>
/// <param name="CurrentPassword">The account's password, required only to change the e-mail address.</param>
internal sealed record UpdateProfileRequest(
    string? FirstName,
    string? LastName,
    string? PhoneNumber,
    DateOnly? DateOfBirth,
    string? PreferredLanguage,
    string? Email,
    string? CurrentPassword = null);

/// <summary>Rules for <see cref="UpdateProfileRequest"/>.</summary>
internal sealed class UpdateProfileRequestValidator : AbstractValidator<UpdateProfileRequest>
{
    /// <summary>The earliest date of birth accepted.</summary>
    public static readonly DateOnly EarliestBirth = new(1900, 1, 1);

    /// <summary>The youngest age an account holder may give.</summary>
    public const int MinimumAge = 13;

    /// <summary>Declares the rules; "today" is read from <paramref name="time"/> (UTC) on each request.</summary>
    public UpdateProfileRequestValidator(TimeProvider time)
    {
        RuleFor(r => r.FirstName).NotEmpty().MaximumLength(100).PlainText();
        RuleFor(r => r.LastName).NotEmpty().MaximumLength(100).PlainText();
        RuleFor(r => r.PhoneNumber).MaximumLength(PhoneNumberRule.MaxLength).E164("phoneNumber");
        RuleFor(r => r.DateOfBirth)
            .Must(d => d is null || d.Value >= EarliestBirth)
            .WithMessage($"dateOfBirth must be on or after {EarliestBirth:yyyy-MM-dd}")
            .Must(d => d is null || d.Value.AddYears(MinimumAge) <= Today(time))
            .WithMessage($"dateOfBirth must be a past date at least {MinimumAge} years ago");
        RuleFor(r => r.PreferredLanguage).MaximumLength(16).LanguageTag("preferredLanguage");
        RuleFor(r => r.Email).MaximumLength(256).Must(EmailAddressRule.IsValid).When(r => r.Email is not null)
            .WithMessage("email must be an e-mail address");
        RuleFor(r => r.CurrentPassword).MaximumLength(1024);
    }

    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
}
