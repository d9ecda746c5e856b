using FluentValidation;
using Mercato.Platform.Validation;
using Mercato.Platform.Envelope;

namespace Mercato.Catalog.Products;

/// <summary>
/// Field rules shared by product writes. A full write (create, replace) requires name,
/// description, price, SKU and category; a patch checks only what it gives.
/// </summary>
/// <typeparam name="T">The request type.</typeparam>
internal abstract class ProductFieldsValidator<T> : AbstractValidator<T>
    where T : ProductFields
{
    /// <summary>The longest slug.</summary>
    public const int MaxSlugLength = 220;

    /// <summary>The longest SKU.</summary>
    public const int MaxSkuLength = 64;

    /// <summary>The longest tag.</summary>
    public const int MaxTagLength = 40;

    /// <summary>Declares the rules.</summary>
    /// <param name="full">Whether every required field must be present.</param>
    /// <param name="stockAllowed">Whether the request may set the stock (create only).</param>
    protected ProductFieldsValidator(bool full, bool stockAllowed)
    {
        if (full)
        {
            RuleFor(r => r.Name).NotEmpty();
            RuleFor(r => r.Description).NotEmpty();
            RuleFor(r => r.Price).NotNull();
            RuleFor(r => r.Sku).NotEmpty();
            RuleFor(r => r.CategoryId).NotNull();
            RuleFor(r => r.Name).Must(name => Slugs.From(name, MaxSlugLength).Length > 0)
                .When(r => r.Slug is null && !string.IsNullOrWhiteSpace(r.Name))
                .WithMessage("'Name' must contain a letter or digit to make a slug from; or give a slug.");
        }
        else
        {
            RuleFor(r => r.Name).NotEmpty().When(r => r.Name is not null);
            RuleFor(r => r.Description).NotEmpty().When(r => r.Description is not null);
            RuleFor(r => r.Sku).NotEmpty().When(r => r.Sku is not null);
        }

        RuleFor(r => r.Name).MaximumLength(200).PlainText();
        RuleFor(r => r.Slug!).MaximumLength(MaxSlugLength).Must(Slugs.IsValid).When(r => r.Slug is not null)
            .WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage("'Slug' must be lower-case letters and digits in dash-separated words, such as 'smart-watch-pro'.");
        RuleFor(r => r.Description).MaximumLength(2000).PlainText(allowLineBreaks: true);
        RuleFor(r => r.LongDescription).MaximumLength(20000).PlainText(allowLineBreaks: true);
        RuleFor(r => r.Price!.Value).GreaterThan(0m).LessThanOrEqualTo(1_000_000m).Must(HasTwoDecimals)
            .When(r => r.Price is not null).OverridePropertyName("price")
            .WithMessage("'Price' must be more than 0 and at most 1000000, with at most two decimals.");
        RuleFor(r => r.CompareAtPrice!.Value).GreaterThan(0m).LessThanOrEqualTo(1_000_000m).Must(HasTwoDecimals)
            .When(r => r.CompareAtPrice is not null).OverridePropertyName("compareAtPrice")
            .WithMessage("'Compare At Price' must be more than 0 and at most 1000000, with at most two decimals.");
        RuleFor(r => r.CompareAtPrice).GreaterThanOrEqualTo(r => r.Price)
            .When(r => r.CompareAtPrice is not null && r.Price is not null)
            .WithMessage("'Compare At Price' must be at least 'Price'.");
        RuleFor(r => r.Sku!).MaximumLength(MaxSkuLength).Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$").When(r => !string.IsNullOrEmpty(r.Sku))
            .WithMessage($"'Sku' must be at most {MaxSkuLength} letters, digits, '.', '_' or '-', starting with a letter or digit.");
        RuleFor(r => r.CategoryId).NotEqual(Guid.Empty).When(r => r.CategoryId is not null).WithMessage("'Category Id' must be a category id.");
        RuleFor(r => r.Images!.Count).LessThanOrEqualTo(20).When(r => r.Images is not null).OverridePropertyName("images");
        RuleFor(r => r.Images).Must(images => images!.Count(i => i.IsPrimary) <= 1).When(r => r.Images is not null)
            .WithMessage("At most one image can be primary.");
        RuleForEach(r => r.Images).SetValidator(new ProductImageRequestValidator());
        if (stockAllowed)
        {
            RuleFor(r => r.Stock).InclusiveBetween(0, 1_000_000).When(r => r.Stock is not null);
        }
        else
        {
            RuleFor(r => r.Stock).Null().WithMessage("Stock cannot be changed here; use the product's stock endpoints.");
        }

        RuleFor(r => r.Tags!.Count).LessThanOrEqualTo(20).When(r => r.Tags is not null).OverridePropertyName("tags");
        RuleForEach(r => r.Tags).Within(MaxTagLength, t => !string.IsNullOrWhiteSpace(t) && !t.Contains(','))
            .WithMessage($"Each tag must be 1-{MaxTagLength} characters without commas.");
        RuleFor(r => r.Attributes!.Count).LessThanOrEqualTo(50).When(r => r.Attributes is not null).OverridePropertyName("attributes");
        RuleForEach(r => r.Attributes).SetValidator(new ProductAttributeRequestValidator());
        RuleFor(r => r.Specifications).Entries(maxCount: 50, maxNameLength: 100, maxValueLength: 500)
            .WithMessage("At most 50 specifications, each with a 1-100 character name and a value of at most 500 characters.");
        RuleFor(r => r.RelatedProducts!.Count).LessThanOrEqualTo(20).When(r => r.RelatedProducts is not null).OverridePropertyName("relatedProducts");
    }

    private static bool HasTwoDecimals(decimal value) => decimal.Round(value, 2) == value;
}

/// <summary>Rules for <see cref="ProductRequest"/> on create (stock allowed).</summary>
internal sealed class ProductRequestValidator : ProductFieldsValidator<ProductRequest>
{
    /// <summary>Declares the rules.</summary>
    public ProductRequestValidator()
        : base(full: true, stockAllowed: true)
    {
    }
}

/// <summary>Rules for <see cref="ProductPatchRequest"/>.</summary>
internal sealed class ProductPatchRequestValidator : ProductFieldsValidator<ProductPatchRequest>
{
    /// <summary>Declares the rules.</summary>
    public ProductPatchRequestValidator()
        : base(full: false, stockAllowed: false)
    {
    }
}

/// <summary>Rules for <see cref="ProductReplaceRequest"/>: any subset of the fields, and the stock within range.</summary>
internal sealed class ProductReplaceRequestValidator : ProductFieldsValidator<ProductReplaceRequest>
{
    /// <summary>Declares the rules.</summary>
    public ProductReplaceRequestValidator()
        : base(full: false, stockAllowed: true)
    {
        RuleFor(r => r.Name).Must(name => Slugs.From(name, MaxSlugLength).Length > 0)
            .When(r => r.IsComplete && r.Slug is null && !string.IsNullOrWhiteSpace(r.Name))
            .WithMessage("'Name' must contain a letter or digit to make a slug from; or give a slug.");
    }
}
