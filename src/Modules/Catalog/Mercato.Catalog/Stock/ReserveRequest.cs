using FluentValidation;

namespace Mercato.Catalog.Stock;

/// <summary>Body of <c>POST /api/v1/catalog/reservations</c>.</summary>
/// <param name="OrderId">The order the units are held for; a retry with the same id and lines is safe.</param>
/// <param name="Lines">The lines, all held or none.</param>
/// <param name="HoldForSeconds">How long to hold the units (default <c>Catalog:Reservations:HoldFor</c>).</param>
internal sealed record ReserveRequest(Guid? OrderId, IReadOnlyList<ReserveLineRequest>? Lines, int? HoldForSeconds);

/// <summary>One line of a <see cref="ReserveRequest"/>.</summary>
/// <param name="ProductId">The product.</param>
/// <param name="Quantity">Units, 1 to <see cref="ReserveRequestValidator.MaxQuantity"/>.</param>
internal sealed record ReserveLineRequest(Guid? ProductId, int? Quantity);

/// <summary>Rules for <see cref="ReserveRequest"/>.</summary>
internal sealed class ReserveRequestValidator : AbstractValidator<ReserveRequest>
{
    /// <summary>The most lines in one reservation.</summary>
    public const int MaxLines = 100;

    /// <summary>The most units of one line.</summary>
    public const int MaxQuantity = 10_000;

    /// <summary>The longest hold: one week.</summary>
    public const int MaxHoldForSeconds = 7 * 24 * 3600;

    /// <summary>Declares the rules.</summary>
    public ReserveRequestValidator()
    {
        RuleFor(r => r.OrderId).NotNull().NotEqual(Guid.Empty).WithMessage("Give the order id.");
        RuleFor(r => r.Lines).NotEmpty().WithMessage("Give at least one line.");
        RuleFor(r => r.Lines!.Count).LessThanOrEqualTo(MaxLines).When(r => r.Lines is not null)
            .OverridePropertyName("lines").WithMessage($"At most {MaxLines} lines.");
        RuleForEach(r => r.Lines).NotNull().ChildRules(line =>
        {
            line.RuleFor(l => l.ProductId).NotNull().NotEqual(Guid.Empty).WithMessage("Give the product id.");
            line.RuleFor(l => l.Quantity).NotNull().InclusiveBetween(1, MaxQuantity).WithMessage($"Quantity must be between 1 and {MaxQuantity}.");
        });
        RuleFor(r => r.HoldForSeconds).InclusiveBetween(1, MaxHoldForSeconds)
            .WithMessage($"holdForSeconds must be between 1 and {MaxHoldForSeconds}.");
    }
}
