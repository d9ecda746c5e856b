using FluentValidation;
using Mercato.Identity.Accounts;
using Mercato.Platform.Validation;

namespace Mercato.Identity.Addresses;

/// <summary>
/// Body of <c>POST /api/v1/users/addresses</c> and <c>PUT /api/v1/users/addresses/{id}</c>
/// (seed 004, plus recipient, company, second line and phone). PUT replaces every field: an
/// optional field left out or null is cleared. The defaults: <c>isDefaultShipping</c> and
/// <c>isDefaultBilling</c> set each kind; seed 004's <c>isDefault</c> sets both where the specific
/// flag is left out. Left out altogether, a new address becomes the default of each kind the user
/// has none of yet, and an edited one keeps its flags. Setting a default clears the old one.
/// </summary>
/// <param name="FirstName">Recipient's first name.</param>
/// <param name="LastName">Recipient's last name.</param>
/// <param name="Company">Company.</param>
/// <param name="Street">Street and number (required).</param>
/// <param name="Street2">Second address line; street and street2 together fit the 200 characters an order keeps.</param>
/// <param name="City">City (required).</param>
/// <param name="State">State or region.</param>
/// <param name="ZipCode">Postal code (required).</param>
/// <param name="Country">Country (required).</param>
/// <param name="Phone">Phone for the delivery, E.164.</param>
/// <param name="IsDefault">Seed 004: the default shipping and billing address.</param>
/// <param name="IsDefaultShipping">The default shipping address.</param>
/// <param name="IsDefaultBilling">The default billing address.</param>
internal sealed record AddressRequest(
    string? FirstName,
    string? LastName,
    string? Company,
    string? Street,
    string? Street2,
    string? City,
    string? State,
    string? ZipCode,
    string? Country,
    string? Phone,
    bool? IsDefault,
    bool? IsDefaultShipping,
    bool? IsDefaultBilling)
{
    /// <summary>The separator an order puts between <see cref="Street"/> and <see cref="Street2"/>.</summary>
    public const string LineSeparator = ", ";

    /// <summary>Whether it asks to be (true) or not to be (false) the default shipping address; null leaves it to the rules above.</summary>
    public bool? WantsDefaultShipping => IsDefaultShipping ?? IsDefault;

    /// <summary>Whether it asks to be (true) or not to be (false) the default billing address; null leaves it to the rules above.</summary>
    public bool? WantsDefaultBilling => IsDefaultBilling ?? IsDefault;
}

/// <summary>Rules for <see cref="AddressRequest"/>: the address parts follow the rules Ordering applies (<see cref="PostalAddressRules"/>).</summary>
internal sealed class AddressRequestValidator : AbstractValidator<AddressRequest>
{
    /// <summary>The longest recipient name.</summary>
    public const int NameMaxLength = 100;

    /// <summary>The longest company name.</summary>
    public const int CompanyMaxLength = 200;

    /// <summary>Declares the rules.</summary>
    public AddressRequestValidator()
    {
        RuleFor(r => r.FirstName).MaximumLength(NameMaxLength).PlainText();
        RuleFor(r => r.LastName).MaximumLength(NameMaxLength).PlainText();
        RuleFor(r => r.Company).MaximumLength(CompanyMaxLength).PlainText();
        RuleFor(r => r.Street).Street();
        RuleFor(r => r.Street2).MaximumLength(PostalAddressRules.StreetMaxLength).PlainText();
        RuleFor(r => r.Street2)
            .Must((r, line) => (r.Street?.Trim().Length ?? 0) + AddressRequest.LineSeparator.Length + line!.Trim().Length <= PostalAddressRules.StreetMaxLength)
            .When(r => !string.IsNullOrWhiteSpace(r.Street2))
            .WithMessage($"street and street2 together must be at most {PostalAddressRules.StreetMaxLength - AddressRequest.LineSeparator.Length} characters (an order keeps them as one line)");
        RuleFor(r => r.City).City();
        RuleFor(r => r.State).State();
        RuleFor(r => r.ZipCode).ZipCode();
        RuleFor(r => r.Country).NotEmpty().Country();
        RuleFor(r => r.Phone).MaximumLength(PhoneNumberRule.MaxLength).E164("phone");
    }
}
