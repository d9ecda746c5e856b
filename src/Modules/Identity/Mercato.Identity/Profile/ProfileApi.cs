using System.Security.Claims;
using Mercato.Identity.Addresses;
using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Identity.Passwords;
using Mercato.Identity.Recovery;
using Mercato.Identity.Users;
using Mercato.Identity.Verification;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Auth;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Http;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Identity.Profile;

/// <summary>
/// The signed-in user's profile (seed 004): <c>GET</c> and <c>PUT /api/v1/users/profile</c>, and
/// seed 000's <c>PUT /api/v1/users/me/update</c> (snake_case fields accepted) with the same handler.
/// </summary>
internal static class ProfileApi
{
    /// <summary>The message of a successful update (seed 004).</summary>
    public const string UpdatedMessage = "Profile updated successfully";

    /// <summary>The message of an update that also asked to change the e-mail address.</summary>
    public const string EmailChangeMessage =
        "Profile updated successfully; a verification link and code have been sent to the new address, which replaces the current one once it is verified";

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapProfileApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapGroup("/api/v1/users")
            .WithTags("Profile")
            .RequireAuthorization(MercatoPolicies.Customer);
        group.MapGet("/profile", GetAsync).WithName("GetProfile")
            .WithSummary("The signed-in user's profile with their saved addresses");
        group.MapPut("/profile", UpdateAsync).WithName("UpdateProfile")
            .WithSummary("Replaces the signed-in user's editable profile fields: firstName and lastName are required; phoneNumber, dateOfBirth and preferredLanguage left out or null are cleared; a different email (with currentPassword) is mailed a verification and replaces the current one once verified");
        group.MapPut("/me/update", UpdateAsync).WithName("UpdateMe")
            .WithSummary("Seed 000's update-me: the same as PUT /api/v1/users/profile, with snake_case names accepted")
            .WithAliases(a => a
                .Field("first_name", "firstName")
                .Field("last_name", "lastName")
                .Field("phone_number", "phoneNumber")
                .Field("date_of_birth", "dateOfBirth")
                .Field("preferred_language", "preferredLanguage"));
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<ProfileResponse>>, ApiErrorResult>> GetAsync(
        ClaimsPrincipal principal, MercatoIdentityDbContext db, AddressBook addresses, CancellationToken cancellationToken)
    {
        var user = SignedInUser.IdOf(principal) is { } id
            ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken)
            : null;
        return user is null
            ? SignedInUser.Gone()
            : ApiResults.Ok(ProfileResponse.From(user, await addresses.ListAsync(user.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<ApiResponse<ProfileResponse>>, ApiErrorResult>> UpdateAsync(
        UpdateProfileRequest request,
        ClaimsPrincipal principal,
        MercatoIdentityDbContext db,
        AddressBook addresses,
        ConcurrentWrites writes,
        TimeProvider time,
        HttpContext http,
        MercatoUserManager users,
        CurrentPasswordCheck currentPassword,
        AccountLimiter limiter,
        EmailChange emailChange,
        CancellationToken cancellationToken)
    {
        if (SignedInUser.IdOf(principal) is not { } id)
        {
            return SignedInUser.Gone();
        }

        // A new address needs the password (a stolen token alone must not move the account) and is
        // throttled like change-email; it is asked for in the same transaction as the profile's change.
        var current = request.Email is null ? null : await users.FindByIdAsync(id.ToString());
        var newEmail = current is not null && !string.Equals(request.Email!.Trim(), current.Email, StringComparison.OrdinalIgnoreCase)
            ? request.Email.Trim()
            : null;
        if (current is not null && newEmail is not null)
        {
            if (string.IsNullOrEmpty(request.CurrentPassword))
            {
                return ApiResults.BadRequest("currentPassword", "currentPassword is required to change the e-mail address", ErrorCodes.RequiredField);
            }

            if (await currentPassword.VerifyAsync(http, current, request.CurrentPassword, "currentPassword") is { } wrong)
            {
                return wrong;
            }

            if (await limiter.MailRequestedAsync(ClientAddress.Of(http), id.ToString(), SecretPurpose.EmailChange, cancellationToken) is { } throttled)
            {
                return throttled;
            }
        }

        var (user, error) = await writes.RetryAsync<(User?, ApiErrorResult?)>(db, async () =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null)
            {
                return (null, SignedInUser.Gone());
            }

            var before = Editable(user);
            user.FirstName = request.FirstName!.Trim();
            user.LastName = request.LastName!.Trim();
            user.PhoneNumber = Trimmed(request.PhoneNumber);
            user.DateOfBirth = request.DateOfBirth;
            user.PreferredLanguage = Trimmed(request.PreferredLanguage);

            // Mailed in the language just chosen; nothing is saved when the address is refused.
            if (newEmail is not null && await emailChange.RequestAsync(user, newEmail, cancellationToken, "email") is { } refused)
            {
                return (null, refused);
            }

            if (Editable(user) != before)
            {
                user.UpdatedAt = time.GetUtcNow().UtcDateTime;
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                db.AddIntegrationEvent(
                    new UserProfileChanged(user.Id, user.Email!, user.FirstName, user.LastName, user.PhoneNumber, user.PreferredLanguage),
                    IdentityModule.Name);
            }

            if (newEmail is not null || Editable(user) != before)
            {
                await db.SaveChangesAsync(cancellationToken);
            }

            return (user, null);
        }, cancellationToken);
        return user is null
            ? error!
            : ApiResults.Ok(ProfileResponse.From(user, await addresses.ListAsync(user.Id, cancellationToken)), newEmail is null ? UpdatedMessage : EmailChangeMessage);
    }

    private static (string, string, string?, DateOnly?, string?) Editable(User user)
        => (user.FirstName, user.LastName, user.PhoneNumber, user.DateOfBirth, user.PreferredLanguage);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
