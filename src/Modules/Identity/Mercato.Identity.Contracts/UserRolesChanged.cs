using Mercato.Messaging.Events;

namespace Mercato.Identity.Contracts;

/// <summary>An administrator changed a user's roles.</summary>
/// <param name="UserId">The user.</param>
/// <param name="Roles">The roles the user holds now.</param>
/// <param name="ChangedBy">The administrator who made the change.</param>
[EventName("identity.user-roles-changed.v1")]
public sealed record UserRolesChanged(Guid UserId, IReadOnlyList<string> Roles, Guid ChangedBy) : IntegrationEvent;
