using FluentValidation;

namespace Mercato.Identity.SignIn;

/// <summary>Body of <c>POST /api/v1/auth/refresh</c> and <c>POST /api/v1/auth/logout</c>.</summary>
/// <param name="RefreshToken">The refresh token from the last sign-in or refresh.</param>
internal sealed record RefreshRequest(string? RefreshToken);

/// <summary>Rules for <see cref="RefreshRequest"/>.</summary>
internal sealed class RefreshRequestValidator : AbstractValidator<RefreshRequest>
{
    /// <summary>Declares the rules.</summary>
    public RefreshRequestValidator() => RuleFor(r => r.RefreshToken).NotEmpty().MaximumLength(512);
}
