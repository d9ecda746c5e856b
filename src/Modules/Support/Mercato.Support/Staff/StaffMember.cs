namespace Mercato.Support.Staff;

/// <summary>
/// What Support knows of a user's staff standing (Admin or Support role), from Identity's
/// <c>UserRolesChanged</c> events and from the roles in the tokens staff call the API with.
/// </summary>
internal sealed class StaffMember
{
    /// <summary>The user.</summary>
    public Guid UserId { get; set; }

    /// <summary>Whether they hold the Admin or the Support role.</summary>
    public bool IsStaff { get; set; }

    /// <summary>When what <see cref="IsStaff"/> says was true (UTC): older news never overwrites it.</summary>
    public DateTime RolesAt { get; set; }
}
