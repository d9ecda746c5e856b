using System.Security.Cryptography;
using Mercato.Identity.Passwords;
using Mercato.Identity.Users;
using Mercato.Platform.Auth;
using Mercato.Platform.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Admin;

/// <summary>
/// Makes sure an administrator exists: on first start it creates one with the configured
/// e-mail and password, or a generated password printed once to standard output.
/// </summary>
internal sealed partial class AdminAccountSeeder(
    IServiceScopeFactory scopes, IOptions<IdentitySettings> settings, TimeProvider time, ILogger<AdminAccountSeeder> logger)
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /// <summary>Creates the administrator if there is none.</summary>
    /// <exception cref="InvalidConfigurationException">The configured admin account cannot be created.</exception>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var options = settings.Value.Admin;
        if (!options.Create)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<MercatoUserManager>();
        if ((await users.GetUsersInRoleAsync(MercatoRoles.Admin)).Count > 0)
        {
            return;
        }

        var existing = await users.FindByEmailAsync(options.Email);
        if (existing is not null)
        {
            await users.AddToRoleAsync(existing, MercatoRoles.Admin);
            LogPromoted(logger, options.Email);
            return;
        }

        var generated = string.IsNullOrEmpty(options.Password);
        var password = generated ? Generate() : options.Password!;
        var now = time.GetUtcNow().UtcDateTime;
        var admin = new User
        {
            Id = Guid.CreateVersion7(),
            Email = options.Email,
            UserName = options.Email,
            EmailConfirmed = true,
            FirstName = "Shop",
            LastName = "Administrator",
            CreatedAt = now,
            UpdatedAt = now,
        };

        try
        {
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                throw new InvalidConfigurationException(
                    "Identity:Admin cannot be created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            }
        }
        catch (DbUpdateException)
        {
            // Another replica created it at the same moment.
            return;
        }

        await users.AddToRolesAsync(admin, [MercatoRoles.Customer, MercatoRoles.Admin]);
        LogCreated(logger, options.Email, generated);
        if (generated)
        {
            await Console.Out.WriteLineAsync(
                $"""

                ==================================================================
                 Mercato administrator created (shown only this once):
                   e-mail:   {options.Email}
                   password: {password}
                 Sign in at POST /api/v1/auth/login and change it.
                ==================================================================

                """);
        }
    }

    private static string Generate()
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(Alphabet, 24);
            if (PasswordPolicy.CountClasses(candidate) >= 3)
            {
                return candidate;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created administrator {Email} (generated password printed to standard output once: {Generated})")]
    private static partial void LogCreated(ILogger logger, string email, bool generated);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator existed: gave the Admin role to the existing account {Email}")]
    private static partial void LogPromoted(ILogger logger, string email);
}
