using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Identity;

namespace Mercato.Identity.Accounts;

/// <summary>Turns Identity's errors into the error envelope: duplicates are 409, the rest 400 on their field.</summary>
internal static class IdentityErrorMapping
{
    /// <summary>The envelope for a failed <see cref="IdentityResult"/>; password errors name <paramref name="passwordField"/>.</summary>
    public static ApiErrorResult ToApiError(IEnumerable<IdentityError> errors, string passwordField = "password")
    {
        var list = errors.ToList();
        // An account without a chosen user name keeps its e-mail there too, so a taken address
        // reports both duplicates: the e-mail is the one to name.
        if (list.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateEmail)))
        {
            return ApiResults.Conflict(ErrorCodes.AlreadyExists, "An account with this e-mail address already exists", "email");
        }

        if (list.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return ApiResults.Conflict(ErrorCodes.AlreadyExists, "This user name is taken", "username");
        }

        return ApiResults.Validation([.. list.Select(e => new ApiError(ErrorCodes.ValidationError, e.Description, FieldOf(e.Code, passwordField)))]);
    }

    private static string? FieldOf(string code, string passwordField) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => passwordField,
        nameof(IdentityErrorDescriber.InvalidEmail) => "email",
        nameof(IdentityErrorDescriber.InvalidUserName) => "username",
        nameof(IdentityErrorDescriber.InvalidRoleName) => "roles",
        _ => null,
    };
}
