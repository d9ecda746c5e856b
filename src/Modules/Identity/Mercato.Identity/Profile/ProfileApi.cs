using System.Security.Claims;
using Mercato.Identity.Addresses;
using Mercato.Identity.Contracts;
using Mercato.Identity.Data;
using Mercato.Identity.Users;
using Mercato.Messaging.Outbox;
using Mercato.Platform.Auth;
using Mercato.Platform.Binding;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
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

    /// <summary>The answer to a PUT that would change the e-mail address.</summary>
    public const string EmailChangeMessage = "The e-mail address is changed through POST /api/v1/users/change-email";

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
            .WithSummary("Replaces the signed-in user's editable profile fields: firstName and lastName are required; phoneNumber, dateOfBirth and preferredLanguage left out or null are cleared; email may only be sent unchanged");
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
        CancellationToken cancellationToken)
    {
        if (SignedInUser.IdOf(principal) is not { } id)
        {
            return SignedInUser.Gone();
        }

        var (user, error) = await writes.RetryAsync<(User?, ApiErrorResult?)>(db, async () =>
        {
            var user = await db.Users.SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (user is null)
            {
                return (null, SignedInUser.Gone());
            }

            if (request.Email is { } email && !string.Equals(email.Trim(), user.Email, StringComparison.OrdinalIgnoreCase))
            {
                return (null, ApiResults.BadRequest("email", EmailChangeMessage));
            }

            var before = Editable(user);
            user.FirstName = request.FirstName!.Trim();
            user.LastName = request.LastName!.Trim();
            user.PhoneNumber = Trimmed(request.PhoneNumber);
            user.DateOfBirth = request.DateOfBirth;
            user.PreferredLanguage = Trimmed(request.PreferredLanguage);
            if (Editable(user) != before)
            {
                user.UpdatedAt = time.GetUtcNow().UtcDateTime;
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
                db.AddIntegrationEvent(
                    new UserProfileChanged(user.Id, user.Email!, user.FirstName, user.LastName, user.PhoneNumber, user.PreferredLanguage),
                    IdentityModule.Name);
                await db.SaveChangesAsync(cancellationToken);
            }

            return (user, null);
        }, cancellationToken);
        return user is null
            ? error!
            : ApiResults.Ok(ProfileResponse.From(user, await addresses.ListAsync(user.Id, cancellationToken)), UpdatedMessage);
    }

    private static (string, string, string?, DateOnly?, string?) Editable(User user)
        => (user.FirstName, user.LastName, user.PhoneNumber, user.DateOfBirth, user.PreferredLanguage);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
