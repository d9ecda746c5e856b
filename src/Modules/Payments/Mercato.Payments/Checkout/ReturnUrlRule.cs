using FluentValidation;

namespace Mercato.Payments.Checkout;

/// <summary>The rule for the shop's return URLs: absolute http(s), at most 2,048 characters.</summary>
internal static class ReturnUrlRule
{
    /// <summary>The longest URL accepted.</summary>
    public const int MaxLength = 2048;

    /// <summary>An optional absolute http(s) URL.</summary>
    public static IRuleBuilderOptions<T, string?> ReturnUrl<T>(this IRuleBuilder<T, string?> rule) => rule
        .MaximumLength(MaxLength)
        .Must(url => url is null || (Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        .WithMessage("'{PropertyName}' must be an absolute http or https URL.");
}
