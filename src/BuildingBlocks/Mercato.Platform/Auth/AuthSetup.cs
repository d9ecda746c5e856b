using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Mercato.Platform.Auth;

/// <summary>JWT bearer validation against the issuer's JWKS, plus Mercato's role and scope policies.</summary>
public static class AuthSetup
{
    /// <summary>Asymmetric algorithms only: <c>none</c> and shared-secret HMAC tokens are refused.</summary>
    internal static readonly string[] AllowedAlgorithms =
    [
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    /// <summary>Registers authentication and authorization.</summary>
    public static IHostApplicationBuilder AddMercatoAuth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);

        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        // Configure (not PostConfigure): JwtBearer's own post-configuration builds the JWKS
        // configuration manager from the metadata address set here.
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, ConfigureJwtBearer>();

        builder.Services.AddSingleton<IAuthorizationPolicyProvider, ScopePolicyProvider>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(MercatoPolicies.Customer, p => p.RequireRole(MercatoRoles.Customer, MercatoRoles.Premium, MercatoRoles.Admin))
            .AddPolicy(MercatoPolicies.Premium, p => p.RequireRole(MercatoRoles.Premium, MercatoRoles.Admin))
            .AddPolicy(MercatoPolicies.Admin, p => p.RequireRole(MercatoRoles.Admin));
        return builder;
    }

    private sealed class ConfigureJwtBearer(IOptions<AuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
    {
        public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

        public void Configure(string? name, JwtBearerOptions options)
        {
            if (name != JwtBearerDefaults.AuthenticationScheme)
            {
                return;
            }

            var settings = auth.Value;
            var metadata = settings.ResolvedMetadataAddress;
            options.MapInboundClaims = false;
            options.Authority = settings.Issuer;
            options.MetadataAddress = metadata;
            options.RequireHttpsMetadata = settings.RequireHttpsMetadata
                ?? !(Uri.TryCreate(metadata, UriKind.Absolute, out var uri) && uri.IsLoopback);
            options.RefreshOnIssuerKeyNotFound = true;
            options.AutomaticRefreshInterval = settings.KeysRefreshInterval;
            options.RefreshInterval = settings.KeysMinimumRefreshInterval;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidateIssuer = true,
                ValidIssuer = settings.Issuer,
                ValidateAudience = true,
                ValidAudience = settings.Audience,
                ValidateLifetime = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                ValidateIssuerSigningKey = true,
                // Only the published key the token names (kid) may verify it: a token without a
                // kid, or with one no published key has, is refused even if some key would verify it.
                TryAllIssuerSigningKeys = false,
                ClockSkew = settings.ClockSkew,
                ValidAlgorithms = AllowedAlgorithms,
                NameClaimType = MercatoClaims.Subject,
                RoleClaimType = MercatoClaims.Role,
            };
            options.Events ??= new JwtBearerEvents();
            options.Events.OnChallenge = WriteChallengeAsync;
        }
    }

    private static Task WriteChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var (code, detail) = context.AuthenticateFailure switch
        {
            SecurityTokenExpiredException => (ErrorCodes.ExpiredToken, "The access token has expired"),
            not null => (ErrorCodes.InvalidToken, "The access token is invalid"),
            null => (ErrorCodes.Unauthorized, StatusMessages.DetailFor(StatusCodes.Status401Unauthorized)),
        };
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        return ErrorResponseWriter.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, code, detail);
    }
}
