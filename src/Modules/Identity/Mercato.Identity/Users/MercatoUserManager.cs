using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Users;

/// <summary>
/// Identity's user manager with lockout read from and written against the injected
/// <see cref="TimeProvider"/> (Identity's own reads the system clock), so lockout expiry is
/// testable and consistent with the rest of the module.
/// </summary>
internal sealed class MercatoUserManager(
    IUserStore<User> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<User> passwordHasher,
    IEnumerable<IUserValidator<User>> userValidators,
    IEnumerable<IPasswordValidator<User>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<User>> logger,
    TimeProvider time)
    : UserManager<User>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    private IUserLockoutStore<User> LockoutStore => (IUserLockoutStore<User>)Store;

    /// <inheritdoc />
    public override async Task<bool> IsLockedOutAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        if (!await LockoutStore.GetLockoutEnabledAsync(user, CancellationToken))
        {
            return false;
        }

        var end = await LockoutStore.GetLockoutEndDateAsync(user, CancellationToken);
        return end >= time.GetUtcNow();
    }

    /// <inheritdoc />
    public override async Task<IdentityResult> AccessFailedAsync(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var count = await LockoutStore.IncrementAccessFailedCountAsync(user, CancellationToken);
        if (count >= Options.Lockout.MaxFailedAccessAttempts)
        {
            await LockoutStore.SetLockoutEndDateAsync(user, time.GetUtcNow().Add(Options.Lockout.DefaultLockoutTimeSpan), CancellationToken);
            await LockoutStore.ResetAccessFailedCountAsync(user, CancellationToken);
        }

        return await UpdateUserAsync(user);
    }

    /// <summary>
    /// Sets <paramref name="newPassword"/> (checked by the password validators) without asking for
    /// the old one, and renews the security stamp: for a proven reset.
    /// </summary>
    public async Task<IdentityResult> ReplacePasswordAsync(User user, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(user);
        ThrowIfDisposed();
        var result = await UpdatePasswordHash(user, newPassword, validatePassword: true);
        return result.Succeeded ? await UpdateUserAsync(user) : result;
    }
}
