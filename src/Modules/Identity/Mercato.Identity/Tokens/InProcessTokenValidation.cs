using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Tokens;

/// <summary>
/// In the process that hosts Identity, the bearer handler reads keys from the key ring instead
/// of fetching the discovery document over HTTP. Registered after the platform's configuration,
/// so it wins; the bearer handler's own post-configuration keeps a manager that is already set.
/// </summary>
internal sealed class InProcessTokenValidation(KeyRingConfigurationManager configurationManager) : IConfigureNamedOptions<JwtBearerOptions>
{
    /// <inheritdoc />
    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    /// <inheritdoc />
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name == JwtBearerDefaults.AuthenticationScheme)
        {
            options.ConfigurationManager = configurationManager;
        }
    }
}
