using Mercato.Identity.Accounts;
using Mercato.Identity.Addresses;
using Mercato.Identity.Contracts;
using Mercato.Identity.Admin;
using Mercato.Identity.Clients;
using Mercato.Identity.Data;
using Mercato.Identity.Discovery;
using Mercato.Identity.Keys;
using Mercato.Identity.Passwords;
using Mercato.Identity.Recovery;
using Mercato.Identity.Profile;
using Mercato.Identity.SignIn;
using Mercato.Identity.Tokens;
using Mercato.Identity.Users;
using Mercato.Identity.Verification;
using Mercato.Messaging;
using Mercato.Messaging.Operations;
using Mercato.Platform.Hosting;
using Mercato.Platform.Persistence;
using Mercato.Platform.RateLimiting;
using Mercato.Platform.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Identity;

/// <summary>The Identity module's two entry points.</summary>
public static class IdentityModule
{
    /// <summary>The module name.</summary>
    public const string Name = "identity";

    /// <summary>The module as the host sees it.</summary>
    public static MercatoModule Descriptor { get; } = new(
        Name, ["/api/v1/auth", "/api/v1/users", "/.well-known", MessagingOperationsApi.RoutePrefix(Name)], b => b.AddIdentity(), e => e.MapIdentity());

    /// <summary>Registers the module.</summary>
    public static IHostApplicationBuilder AddIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<IdentitySettings>(IdentitySettings.Section);
        builder.AddModuleDbContext<MercatoIdentityDbContext, IdentitySqliteDbContext, IdentityPostgresDbContext>(Name);
        builder.AddMessaging<MercatoIdentityDbContext>(Name);
        builder.AddValidatorsOf<RegisterRequest>();

        services.AddIdentityCore<User>()
            .AddRoles<Role>()
            .AddEntityFrameworkStores<MercatoIdentityDbContext>()
            .AddUserManager<MercatoUserManager>()
            .AddPasswordValidator<CharacterClassPasswordValidator>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<IdentitySettings>>((o, s) =>
        {
            var settings = s.Value;
            o.User.RequireUniqueEmail = true;
            o.User.AllowedUserNameCharacters = string.Empty;
            o.Password.RequiredLength = settings.Password.MinimumLength;
            o.Password.RequireDigit = false;
            o.Password.RequireLowercase = false;
            o.Password.RequireUppercase = false;
            o.Password.RequireNonAlphanumeric = false;
            o.Password.RequiredUniqueChars = 1;
            // Sign-in does not use Identity's lockout (ISignInThrottle slows the failing source
            // instead of locking the account); the flag keeps Identity's default.
            o.Lockout.AllowedForNewUsers = true;
        });
        services.AddOptions<PasswordHasherOptions>().Configure<IOptions<IdentitySettings>>((o, s) =>
        {
            o.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3;
            o.IterationCount = s.Value.Password.HashIterations;
        });

        // Generated signing keys are kept in the database protected with Data Protection; its key
        // ring lives apart from the database, in a folder only the owner may read.
        var persistence = builder.Configuration.GetSection(PersistenceOptions.Section).Get<PersistenceOptions>() ?? new PersistenceOptions();
        var keysDirectory = builder.Configuration[$"{IdentitySettings.Section}:DataProtection:KeysDirectory"] is { Length: > 0 } configured
            ? configured
            : Path.Combine(persistence.DataDirectory, "keys");
        services.AddDataProtection().SetApplicationName("mercato-identity");
        services.Configure<KeyManagementOptions>(o => o.XmlRepository = new PrivateFileXmlRepository(keysDirectory));
        services.AddSingleton<SigningKeyProtector>();
        services.AddSingleton<KeyRing>();
        services.AddSingleton<KeyRingConfigurationManager>();
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, InProcessTokenValidation>();
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<TokenVerifier>();
        services.AddSingleton<ServiceClientRegistry>();
        services.AddSingleton<AdminAccountSeeder>();
        services.AddSingleton<UnknownAccountDecoy>();
        // Sign-in counts live where the rate limiter keeps its budgets: Redis when shared, else memory.
        services.AddSingleton<MemorySignInThrottle>();
        services.AddSingleton<RedisSignInThrottle>();
        services.AddSingleton<ISignInThrottle>(sp => sp.GetRequiredService<SharedRedis>().InUse
            ? sp.GetRequiredService<RedisSignInThrottle>()
            : sp.GetRequiredService<MemorySignInThrottle>());
        services.AddScoped<RefreshTokenService>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<CurrentPasswordCheck>();
        services.AddScoped<AccountSecrets>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<EmailVerification>();
        services.AddScoped<EmailVerificationMail>();
        services.AddScoped<EmailChange>();
        services.AddSingleton<AccountLimiter>();
        services.AddScoped<AddressBook>();
        // Co-hosted wins: replaces the HTTP client a consumer's AddIdentityClient may have registered, in either order.
        services.Replace(ServiceDescriptor.Scoped<IIdentityClient, InProcessIdentityClient>());
        services.AddHostedService<IdentityStartup>();
        services.AddHostedService<SigningKeyMaintenance>();
        return builder;
    }

    /// <summary>Maps the module's endpoints.</summary>
    public static IEndpointRouteBuilder MapIdentity(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMessagingOperations(Name);
        // Tokens and accounts are never cached; the discovery documents are public and cacheable.
        var personal = endpoints.MapGroup(string.Empty).WithNoStore();
        personal.MapRegistrationApi();
        personal.MapSessionApi();
        personal.MapCurrentUserApi();
        personal.MapChangePasswordApi();
        personal.MapPasswordResetApi();
        personal.MapOneTimeCodeApi();
        personal.MapEmailVerificationApi();
        personal.MapVerifyApi();
        personal.MapClientCredentialsApi();
        personal.MapUsersAdminApi();
        personal.MapProfileApi();
        personal.MapAddressesApi();
        personal.MapServiceAddressesApi();
        endpoints.MapDiscoveryApi();
        return endpoints;
    }
}
