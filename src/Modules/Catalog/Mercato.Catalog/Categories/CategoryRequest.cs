using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Catalog.Categories;

/// <summary>
/// Body of <c>POST /api/v1/categories</c> and <c>PUT /api/v1/categories/{id}</c> (a PUT replaces
/// every field).
/// </summary>
/// <param name="Name">Display name, 1-100 characters.</param>
/// <param name="Slug">URL name; made from the name when left out.</param>
/// <param name="Description">Description, at most 1000 characters.</param>
/// <param name="Image">Image URL (http or https).</param>
/// <param name="ParentId">The parent category, or null for a top-level category.</param>
/// <param name="SortOrder">Position among its siblings (default 0).</param>
internal sealed record CategoryRequest(
    string? Name,
    string? Slug,
    string? Description,
    string? Image,
    Guid? ParentId,
    int? SortOrder)
{
    /// <summary>The longest slug.</summary>
    public const int MaxSlugLength = 120;

    /// <summary>The slug to store: the given one, or one made from the name.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string EffectiveSlug => Slug ?? Slugs.From(Name, MaxSlugLength);
}

/// <summary>Rules for <see cref="CategoryRequest"/>.</summary>
internal sealed class CategoryRequestValidator : AbstractValidator<CategoryRequest>
{
    /// <summary>Declares the rules.</summary>
    public CategoryRequestValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(100).PlainText();
        RuleFor(r => r.Name).Must(name => Slugs.From(name, CategoryRequest.MaxSlugLength).Length > 0)
            .When(r => r.Slug is null && !string.IsNullOrWhiteSpace(r.Name))
            .WithMessage("'Name' must contain a letter or digit to make a slug from; or give a slug.");
        RuleFor(r => r.Slug!).MaximumLength(CategoryRequest.MaxSlugLength).Must(Slugs.IsValid)
            .When(r => r.Slug is not null)
            .WithErrorCode(Mercato.Platform.Envelope.ErrorCodes.InvalidFormat)
            .WithMessage("'Slug' must be lower-case letters and digits in dash-separated words, such as 'home-audio'.");
        RuleFor(r => r.Description).MaximumLength(1000).PlainText(allowLineBreaks: true);
        RuleFor(r => r.Image!).MaximumLength(500).Must(WebUrls.IsHttp).When(r => r.Image is not null)
            .WithErrorCode(Mercato.Platform.Envelope.ErrorCodes.InvalidFormat)
            .WithMessage("'Image' must be an absolute http or https URL.");
        RuleFor(r => r.ParentId).NotEqual(Guid.Empty).WithMessage("'Parent Id' must be a category id.");
        RuleFor(r => r.SortOrder).InclusiveBetween(0, 1_000_000).When(r => r.SortOrder is not null);
    }
}
