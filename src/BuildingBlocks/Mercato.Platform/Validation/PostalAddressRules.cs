using FluentValidation;

namespace Mercato.Platform.Validation;

/// <summary>
/// The one set of rules for the parts of a postal address (seed 004's street, city, state, zipCode,
/// country), shared by Ordering's inline shipping and billing addresses and Identity's saved
/// addresses, so an address saved in the address book is always one an order accepts. Each rule
/// states its limit (published in the API documents) and refuses control characters.
/// </summary>
public static class PostalAddressRules
{
    /// <summary>The longest street.</summary>
    public const int StreetMaxLength = 200;

    /// <summary>The longest city.</summary>
    public const int CityMaxLength = 100;

    /// <summary>The longest state, province or region.</summary>
    public const int StateMaxLength = 100;

    /// <summary>The longest postal code.</summary>
    public const int ZipCodeMaxLength = 20;

    /// <summary>The longest country.</summary>
    public const int CountryMaxLength = 100;

    /// <summary>Street and number: required, at most <see cref="StreetMaxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> Street<T>(this IRuleBuilder<T, string?> rule)
        => rule.NotEmpty().MaximumLength(StreetMaxLength).PlainText();

    /// <summary>City: required, at most <see cref="CityMaxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> City<T>(this IRuleBuilder<T, string?> rule)
        => rule.NotEmpty().MaximumLength(CityMaxLength).PlainText();

    /// <summary>State, province or region: optional, at most <see cref="StateMaxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> State<T>(this IRuleBuilder<T, string?> rule)
        => rule.MaximumLength(StateMaxLength).PlainText();

    /// <summary>Postal code: required, at most <see cref="ZipCodeMaxLength"/> characters.</summary>
    public static IRuleBuilderOptions<T, string?> ZipCode<T>(this IRuleBuilder<T, string?> rule)
        => rule.NotEmpty().MaximumLength(ZipCodeMaxLength).PlainText();

    /// <summary>Country: at most <see cref="CountryMaxLength"/> characters (whether it is required is the caller's rule).</summary>
    public static IRuleBuilderOptions<T, string?> Country<T>(this IRuleBuilder<T, string?> rule)
        => rule.MaximumLength(CountryMaxLength).PlainText();
}
