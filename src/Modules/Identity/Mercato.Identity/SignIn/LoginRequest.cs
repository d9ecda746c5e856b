using FluentValidation;

namespace Mercato.Identity.SignIn;

/// <summary>Body of <c>POST /api/v1/auth/login</c>: the e-mail address or user name, and the password.</summary>
/// <param name="Email">E-mail address (seed 004); either this or <paramref name="Username"/>.</param>
/// <param name="Username">User name (seed 000); an e-mail address is accepted here too.</param>
/// <param name="Password">The password.</param>
internal sealed record LoginRequest(string? Email, string? Username, string? Password)
{
    /// <summary>What identifies the account: the e-mail address, or the user name when the e-mail is blank.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Identifier => (string.IsNullOrWhiteSpace(Email) ? Username ?? string.Empty : Email).Trim();
}

/// <summary>Rules for <see cref="LoginRequest"/>.</summary>
internal sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    /// <summary>Declares the rules.</summary>
    public LoginRequestValidator()
    {
        RuleFor(r => r.Email).NotEmpty().When(r => string.IsNullOrWhiteSpace(r.Username))
            .WithMessage("Give 'email' or 'username'.");
        RuleFor(r => r.Email).MaximumLength(256);
        RuleFor(r => r.Username).MaximumLength(256);
        RuleFor(r => r.Password).NotEmpty().MaximumLength(1024);
    }
}
