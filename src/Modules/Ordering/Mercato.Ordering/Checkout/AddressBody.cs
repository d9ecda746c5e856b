using FluentValidation;
using Mercato.Platform.Validation;
using Mercato.Ordering.Orders;

namespace Mercato.Ordering.Checkout;

/// <summary>An address as seed 004 spells it, in requests and responses.</summary>
/// <param name="Street">Street and number.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region (may be empty).</param>
/// <param name="ZipCode">Postal code.</param>
/// <param name="Country">Country.</param>
internal sealed record AddressBody(string? Street, string? City, string? State, string? ZipCode, string? Country)
{
    /// <summary>The stored form (call after validation).</summary>
    public PostalAddress ToStored() => new()
    {
        Street = Street!.Trim(), City = City!.Trim(), State = State?.Trim() ?? string.Empty, ZipCode = ZipCode!.Trim(), Country = Country!.Trim(),
    };

    /// <summary>The response form of a stored address.</summary>
    public static AddressBody From(PostalAddress a) => new(a.Street, a.City, a.State, a.ZipCode, a.Country);
}

/// <summary>Rules for <see cref="AddressBody"/>.</summary>
internal sealed class AddressBodyValidator : AbstractValidator<AddressBody>
{
    /// <summary>Declares the rules.</summary>
    public AddressBodyValidator()
    {
        RuleFor(a => a.Street).NotEmpty().MaximumLength(200).PlainText();
        RuleFor(a => a.City).NotEmpty().MaximumLength(100).PlainText();
        RuleFor(a => a.State).MaximumLength(100).PlainText();
        RuleFor(a => a.ZipCode).NotEmpty().MaximumLength(20).PlainText();
        RuleFor(a => a.Country).NotEmpty().MaximumLength(100).PlainText();
    }
}
