using FluentValidation;

namespace Mercato.Catalog.Stock;

/// <summary>Body of <c>POST /api/v1/catalog/reservations/{orderId}/rehold</c>.</summary>
/// <param name="HoldForSeconds">How long to hold the units again (default <c>Catalog:Reservations:HoldFor</c>).</param>
internal sealed record ReholdRequest(int? HoldForSeconds);

/// <summary>Rules for <see cref="ReholdRequest"/>.</summary>
internal sealed class ReholdRequestValidator : AbstractValidator<ReholdRequest>
{
    /// <summary>Declares the rules.</summary>
    public ReholdRequestValidator()
        => RuleFor(r => r.HoldForSeconds).InclusiveBetween(1, ReserveRequestValidator.MaxHoldForSeconds)
            .WithMessage($"holdForSeconds must be between 1 and {ReserveRequestValidator.MaxHoldForSeconds}.");
}
