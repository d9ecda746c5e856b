using Mercato.Platform.Persistence;
using Mercato.Support.Conversations;
using Mercato.Support.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Support.Staff;

/// <summary>
/// Who is staff, as far as Support knows: Identity's <c>UserRolesChanged</c> events (every role
/// change an administrator makes) and the roles in the tokens staff call the support API with
/// (which covers the administrator Identity seeds at first start, whose roles no event announces).
/// Newer news wins; events may arrive in any order.
/// </summary>
internal sealed class StaffDirectory(SupportDbContext db, ConcurrentWrites writes)
{
    /// <summary>
    /// Applies that <paramref name="userId"/> was (or was not) staff at <paramref name="at"/>,
    /// unless something newer is known. The caller saves.
    /// </summary>
    public async Task RecordAsync(Guid userId, bool isStaff, DateTime at, CancellationToken cancellationToken)
    {
        var member = await db.StaffMembers.FindAsync([userId], cancellationToken);
        if (member is null)
        {
            db.StaffMembers.Add(new StaffMember { UserId = userId, IsStaff = isStaff, RolesAt = at });
        }
        else if (at >= member.RolesAt)
        {
            member.IsStaff = isStaff;
            member.RolesAt = at;
        }
    }

    /// <summary>Notes that a staff <paramref name="caller"/> is staff (their token says so), saving at once; nothing for a customer.</summary>
    public Task NoteAsync(SupportCaller caller, CancellationToken cancellationToken)
    {
        if (!caller.IsStaff)
        {
            return Task.CompletedTask;
        }

        return writes.RetryAsync(db, async () =>
        {
            var known = await db.StaffMembers.AsNoTracking().SingleOrDefaultAsync(s => s.UserId == caller.UserId, cancellationToken);
            if (known is { IsStaff: true } || (known is not null && known.RolesAt > caller.RolesAt))
            {
                return false;
            }

            await RecordAsync(caller.UserId, true, caller.RolesAt, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }, cancellationToken);
    }

    /// <summary>Whether <paramref name="userId"/> is known as staff.</summary>
    public Task<bool> IsStaffAsync(Guid userId, CancellationToken cancellationToken)
        => db.StaffMembers.AnyAsync(s => s.UserId == userId && s.IsStaff, cancellationToken);
}
