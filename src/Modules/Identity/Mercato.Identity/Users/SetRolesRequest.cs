using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Identity.Users;

/// <summary>Body of <c>PUT /api/v1/users/{id}/roles</c>: the complete set of roles the user should hold.</summary>
/// <param name="Roles">One or more of <c>Customer</c>, <c>Premium</c>, <c>Support</c>, <c>Admin</c>.</param>
internal sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>Rules for <see cref="SetRolesRequest"/>.</summary>
internal sealed class SetRolesRequestValidator : AbstractValidator<SetRolesRequest>
{
    /// <summary>Declares the rules.</summary>
    public SetRolesRequestValidator()
    {
        RuleFor(r => r.Roles).NotEmpty().WithMessage("Give at least one role.");
        RuleFor(r => r.Roles!.Count).LessThanOrEqualTo(KnownRoles.Names.Count).When(r => r.Roles is not null)
            .OverridePropertyName("roles").WithMessage($"Give each role once; there are {KnownRoles.Names.Count}.");
        RuleForEach(r => r.Roles).OneOf(KnownRoles.Names)
            .WithMessage(r => $"Unknown role; use {string.Join(", ", KnownRoles.Names)}.");
    }
}
