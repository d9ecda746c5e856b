using System.Security.Claims;
using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Identity.Tokens;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity.Users;

/// <summary>
/// Administrators' view of accounts: <c>/api/v1/users</c>. Locking an account (<c>/lock</c>) stops
/// its sign-in and refresh until <c>/unlock</c> and revokes its sessions; its access tokens run out
/// within their lifetime.
/// </summary>
internal static class UsersAdminApi
{
    /// <summary>Maps the admin user endpoints.</summary>
    public static IEndpointRouteBuilder MapUsersAdminApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapGroup("/api/v1/users")
            .WithTags("Users")
            .RequireAuthorization(MercatoPolicies.Admin);
        group.MapGet("/", ListAsync).WithName("ListUsers").WithSummary("Lists accounts, paginated and searchable (Admin)");
        group.MapGet("/{id:guid}", GetAsync).WithName("GetUser").WithSummary("One account (Admin)");
        group.MapPut("/{id:guid}/roles", SetRolesAsync).WithName("SetUserRoles").WithSummary("Replaces an account's roles (Admin)");
        group.MapPost("/{id:guid}/lock", LockAsync).WithName("LockUser")
            .WithSummary("Locks an account: no sign-in or refresh until it is unlocked (or until `until`); its sessions are revoked (Admin)");
        group.MapPost("/{id:guid}/unlock", UnlockAsync).WithName("UnlockUser").WithSummary("Unlocks an account (Admin)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<UserResponse>>>, ApiErrorResult>> ListAsync(
        [AsParameters] UserListQuery query, MercatoIdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = query.Validate();
        if (errors.Count > 0)
        {
            return ApiResults.Validation(errors);
        }

        var pageNumber = query.PageNumber ?? 1;
        var pageSize = query.PageSize ?? 20;
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var text = query.Search.Trim().ToUpperInvariant();
#pragma warning disable CA1862 // EF Core translates ToUpper().Contains to SQL; the StringComparison overload is not translatable.
            users = users.Where(u => u.NormalizedEmail!.Contains(text)
                || (u.HasUsername && u.NormalizedUserName!.Contains(text))
                || u.FirstName.ToUpper().Contains(text)
                || u.LastName.ToUpper().Contains(text));
#pragma warning restore CA1862
        }

        if (query.Role is not null)
        {
            var roleId = KnownRoles.All.Single(r => r.Name == KnownRoles.Canonical(query.Role)).Id;
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var total = await users.LongCountAsync(cancellationToken);
        var page = await users
            .OrderByDescending(u => u.CreatedAt).ThenByDescending(u => u.Id)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .ToListAsync(cancellationToken);
        var roles = await RolesOfAsync(db, [.. page.Select(u => u.Id)], cancellationToken);
        var now = time.GetUtcNow();
        var items = page.Select(u => UserResponse.From(u, roles.GetValueOrDefault(u.Id, []), now)).ToList();
        return ApiResults.Ok(new PagedResult<UserResponse>(items, pageNumber, pageSize, total));
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ApiErrorResult>> GetAsync(
        Guid id, MercatoIdentityDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return ApiResults.NotFound($"User '{id}' not found");
        }

        var roles = await RolesOfAsync(db, [id], cancellationToken);
        return ApiResults.Ok(UserResponse.From(user, roles.GetValueOrDefault(id, []), time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ApiErrorResult>> SetRolesAsync(
        Guid id,
        SetRolesRequest request,
        ClaimsPrincipal principal,
        MercatoUserManager users,
        MercatoIdentityDbContext db,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiResults.NotFound($"User '{id}' not found");
        }

        var wanted = request.Roles!.Select(r => KnownRoles.Canonical(r)!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var current = await users.GetRolesAsync(user);
        if (current.Contains(MercatoRoles.Admin) && !wanted.Contains(MercatoRoles.Admin)
            && (await users.GetUsersInRoleAsync(MercatoRoles.Admin)).Count <= 1)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, "This is the last administrator; make another account Admin first", "roles");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal)) : removed;
        if (!added.Succeeded)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, "The account changed while its roles were being set; try again");
        }

        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        _ = Guid.TryParse(principal.FindFirstValue(MercatoClaims.Subject), out var adminId);
        db.AddIntegrationEvent(new UserRolesChanged(user.Id, wanted, adminId), IdentityModule.Name);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ApiResults.Ok(UserResponse.From(user, wanted, time.GetUtcNow()), "Roles updated");
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ApiErrorResult>> LockAsync(
        Guid id, LockUserRequest? request, ClaimsPrincipal principal, MercatoUserManager users, MercatoIdentityDbContext db,
        RefreshTokenService refreshTokens, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (request?.Until is { } until && until <= now)
        {
            return ApiResults.Validation([new ApiError(ErrorCodes.ValidationError, "until must be in the future", "until")]);
        }

        if (principal.FindFirstValue(MercatoClaims.Subject) == id.ToString())
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, "You cannot lock your own account", "id");
        }

        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiResults.NotFound($"User '{id}' not found");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.LockoutEnabled = true;
        user.LockoutEnd = request?.Until ?? DateTimeOffset.MaxValue;
        user.UpdatedAt = now.UtcDateTime;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return ApiResults.Conflict(ErrorCodes.Conflict, "The account changed while it was being locked; try again");
        }

        await refreshTokens.RevokeAllAsync(user.Id, keep: null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ApiResults.Ok(UserResponse.From(user, [.. await users.GetRolesAsync(user)], now), "Account locked");
    }

    private static async Task<Results<Ok<ApiResponse<UserResponse>>, ApiErrorResult>> UnlockAsync(
        Guid id, MercatoUserManager users, TimeProvider time, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return ApiResults.NotFound($"User '{id}' not found");
        }

        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        user.UpdatedAt = time.GetUtcNow().UtcDateTime;
        var updated = await users.UpdateAsync(user);
        return updated.Succeeded
            ? ApiResults.Ok(UserResponse.From(user, [.. await users.GetRolesAsync(user)], time.GetUtcNow()), "Account unlocked")
            : ApiResults.Conflict(ErrorCodes.Conflict, "The account changed while it was being unlocked; try again");
    }

    private static async Task<Dictionary<Guid, List<string>>> RolesOfAsync(
        MercatoIdentityDbContext db, List<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await db.UserRoles
            .Where(ur => userIds.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Name!).Order(StringComparer.Ordinal).ToList());
    }
}
