using System.Security.Claims;
using Mercato.Identity.Accounts;
using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Identity.Tokens;
using Mercato.Identity.Users;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Auth;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Identity.Passwords;

/// <summary>
/// <c>POST /api/v1/users/change-password</c> (seed 000: <c>/api/v1/users/me/change-password</c>):
/// the signed-in user sets a new password with the current one. Every other session is signed
/// out (its refresh tokens revoked); the caller's session, named by the access token's
/// <c>sid</c>, stays.
/// </summary>
internal static class ChangePasswordApi
{
    /// <summary>Maps the endpoint and its seed 000 alias.</summary>
    public static IEndpointRouteBuilder MapChangePasswordApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor).MapGroup("/api/v1/users").WithTags("Users");
        foreach (var (path, name) in new[] { ("/change-password", "ChangePassword"), ("/me/change-password", "ChangePasswordSeed000") })
        {
            group.MapPost(path, ChangeAsync)
                .WithName(name)
                .WithSummary("Sets a new password with the current one; signs out every other session")
                .WithAliases(
                    a => a.AcceptForm()
                        .Field("old_password", "currentPassword")
                        .Field("new_password", "newPassword")
                        .Field("confirm_password", "confirmPassword"),
                    typeof(ChangePasswordRequest))
                .RequireAuthorization(MercatoPolicies.Customer);
        }

        return endpoints;
    }

    /// <remarks>A wrong current password counts as a failed sign-in from the caller's address (<see cref="CurrentPasswordCheck"/>).</remarks>
    private static async Task<Results<Ok<ApiResponse<object?>>, ApiErrorResult>> ChangeAsync(
        ChangePasswordRequest request,
        ClaimsPrincipal principal,
        HttpContext http,
        MercatoUserManager users,
        CurrentPasswordCheck currentPassword,
        MercatoIdentityDbContext db,
        RefreshTokenService refreshTokens,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var user = await SignedInUser.FindAsync(principal, users);
        if (user is null)
        {
            return SignedInUser.Gone();
        }

        if (await currentPassword.VerifyAsync(http, user, request.CurrentPassword!, "currentPassword") is { } refused)
        {
            return refused;
        }

        var now = time.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        user.UpdatedAt = now.UtcDateTime;
        db.AddIntegrationEvent(new PasswordChanged(user.Id, user.Email!, user.FirstName, now, ByReset: false, Language: user.PreferredLanguage), IdentityModule.Name);
        var changed = await users.ReplacePasswordAsync(user, request.NewPassword!);
        if (!changed.Succeeded)
        {
            return IdentityErrorMapping.ToApiError(changed.Errors, "newPassword");
        }

        Guid? session = Guid.TryParse(principal.FindFirstValue(MercatoClaims.SessionId), out var sid) ? sid : null;
        await refreshTokens.RevokeAllAsync(user.Id, session, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return ApiResults.Ok<object?>(null, "Password changed successfully");
    }
}
