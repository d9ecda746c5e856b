using FluentValidation;

namespace Mercato.Identity.Tokens;

/// <summary>Body of <c>POST /api/v1/auth/verify</c> (seed 000's <c>token/verify</c>).</summary>
/// <param name="Token">The access token to check.</param>
internal sealed record VerifyTokenRequest(string? Token);

/// <summary>Rules for <see cref="VerifyTokenRequest"/>.</summary>
internal sealed class VerifyTokenRequestValidator : AbstractValidator<VerifyTokenRequest>
{
    /// <summary>Declares the rules.</summary>
    public VerifyTokenRequestValidator() => RuleFor(r => r.Token).NotEmpty().MaximumLength(8192);
}
