using Mercato.Identity.SignIn;
using Mercato.Identity.Users;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Http;
using Microsoft.AspNetCore.Http;

namespace Mercato.Identity.Passwords;

/// <summary>
/// Checks the current password of a signed-in user before a sensitive change. A wrong one counts
/// as a failed sign-in from the caller's address (<see cref="ISignInThrottle"/>), so these
/// endpoints cannot be used to guess passwords faster than signing in.
/// </summary>
internal sealed class CurrentPasswordCheck(MercatoUserManager users, ISignInThrottle throttle)
{
    /// <summary>Null when <paramref name="password"/> (sent in <paramref name="http"/>) is <paramref name="user"/>'s; otherwise 400 naming <paramref name="field"/>, or 429.</summary>
    public async Task<ApiErrorResult?> VerifyAsync(HttpContext http, User user, string password, string field)
    {
        var (attempt, wait) = await throttle.TryBeginAsync(ClientAddress.Of(http), user.Id.ToString());
        if (attempt is null)
        {
            return SessionApi.Throttled(wait);
        }

        bool valid;
        try
        {
            valid = await users.CheckPasswordAsync(user, password);
        }
        catch
        {
            await attempt.AbandonedAsync();
            throw;
        }

        if (valid)
        {
            await attempt.SucceededAsync();
            return null;
        }

        wait = await attempt.FailedAsync();
        return wait > TimeSpan.Zero
            ? SessionApi.Throttled(wait)
            : ApiResults.BadRequest(field, "The current password is wrong");
    }
}
