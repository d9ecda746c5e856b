using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Catalog.Reviews;

/// <summary>
/// Body of <c>POST /api/v1/products/{id}/reviews</c> (seed 004). The author, their shown name and
/// the verified-purchase flag are never bound from the request.
/// </summary>
/// <param name="Rating">1 to 5 stars.</param>
/// <param name="Title">Short headline, up to 200 characters.</param>
/// <param name="Comment">The text, up to 5000 characters.</param>
/// <param name="OrderId">The order the product came with; accepted as in the seed and not used
/// (the verified-purchase flag comes from the purchases Ordering reports, not from the client).</param>
internal sealed record CreateReviewRequest(int? Rating, string? Title, string? Comment, string? OrderId);

/// <summary>Rules for <see cref="CreateReviewRequest"/>.</summary>
internal sealed class CreateReviewRequestValidator : AbstractValidator<CreateReviewRequest>
{
    /// <summary>The longest title.</summary>
    public const int MaxTitleLength = 200;

    /// <summary>The longest comment.</summary>
    public const int MaxCommentLength = 5000;

    /// <summary>Declares the rules.</summary>
    public CreateReviewRequestValidator()
    {
        RuleFor(r => r.Rating).NotNull().InclusiveBetween(1, 5);
        RuleFor(r => r.Title).NotEmpty().Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("'Title' must not be blank.")
            .MaximumLength(MaxTitleLength);
        RuleFor(r => r.Title).PlainText();
        RuleFor(r => r.Comment).NotEmpty().Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("'Comment' must not be blank.")
            .MaximumLength(MaxCommentLength);
        RuleFor(r => r.Comment).PlainText(allowLineBreaks: true);
        RuleFor(r => r.OrderId).MaximumLength(100);
    }
}
