using FluentValidation;

namespace Mercato.Identity.Users;

/// <summary>Body of <c>PUT /api/v1/users/{id}/roles</c>: the complete set of roles the user should hold.</summary>
/// <param name="Roles">One or more of <c>Customer</c>, <c>Premium</c>, <c>Admin</c>.</param>
internal sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>Rules for <see cref="SetRolesRequest"/>.</summary>
internal sealed class SetRolesRequestValidator : AbstractValidator<SetRolesRequest>
{
    /// <summary>Declares the rules.</summary>
    public SetRolesRequestValidator()
    {
        RuleFor(r => r.Roles).NotEmpty().WithMessage("Give at least one role.");
        RuleForEach(r => r.Roles).Must(r => KnownRoles.Canonical(r ?? string.Empty) is not null)
            .WithMessage(r => $"Unknown role; use {string.Join(", ", KnownRoles.Names)}.");
    }
}
