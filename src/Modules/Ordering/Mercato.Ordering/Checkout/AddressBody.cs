using FluentValidation;
using Mercato.Platform.Validation;
using Mercato.Ordering.Orders;
using Microsoft.Extensions.Options;

namespace Mercato.Ordering.Checkout;

/// <summary>An address as seed 004 spells it, in requests and responses.</summary>
/// <param name="Street">Street and number.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region (may be empty).</param>
/// <param name="ZipCode">Postal code.</param>
/// <param name="Country">Country.</param>
internal sealed record AddressBody(string? Street, string? City, string? State, string? ZipCode, string? Country)
{
    /// <summary>The stored form (call after validation), with <paramref name="defaultCountry"/> when the country is left out.</summary>
    public PostalAddress ToStored(string? defaultCountry) => new()
    {
        Street = Street!.Trim(), City = City!.Trim(), State = State?.Trim() ?? string.Empty, ZipCode = ZipCode!.Trim(),
        Country = string.IsNullOrWhiteSpace(Country) ? defaultCountry! : Country.Trim(),
    };

    /// <summary>The response form of a stored address.</summary>
    public static AddressBody From(PostalAddress a) => new(a.Street, a.City, a.State, a.ZipCode, a.Country);
}

/// <summary>Rules for <see cref="AddressBody"/>: the country may be left out when <see cref="OrderingOptions.DefaultCountry"/> is set.</summary>
internal sealed class AddressBodyValidator : AbstractValidator<AddressBody>
{
    /// <summary>Declares the rules.</summary>
    public AddressBodyValidator(IOptions<OrderingOptions> options)
    {
        var defaultCountry = options.Value.DefaultCountryOrNull;
        RuleFor(a => a.Street).Street();
        RuleFor(a => a.City).City();
        RuleFor(a => a.State).State();
        RuleFor(a => a.ZipCode).ZipCode();
        RuleFor(a => a.Country).NotEmpty().WithMessage("The country is required (this shop has no default country)").When(_ => defaultCountry is null);
        RuleFor(a => a.Country).Country();
    }
}
