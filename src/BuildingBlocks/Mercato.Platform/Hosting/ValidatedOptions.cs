using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Hosting;

/// <summary>The one way Mercato registers settings: bound from their section and validated at start.</summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates it when the
    /// host starts: every <see cref="IValidatedOptions.Problems"/> entry is a failure.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class, IValidatedOptions
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IValidateOptions<TOptions>, ProblemsValidator<TOptions>>();
        return services.AddOptions<TOptions>().BindConfiguration(section).ValidateOnStart();
    }

    /// <summary>
    /// Reads <typeparamref name="TOptions"/> from <paramref name="section"/> now, for settings the
    /// host needs while it is being built (which provider, which transport, Kestrel's limits);
    /// their problems stop the start the same way, as one line naming each setting.
    /// </summary>
    /// <exception cref="InvalidConfigurationException">The settings have problems.</exception>
    public static TOptions ReadValidated<TOptions>(this IConfiguration configuration, string section)
        where TOptions : class, IValidatedOptions, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? options : throw new InvalidConfigurationException(string.Join("; ", problems));
    }

    private sealed class ProblemsValidator<TOptions> : IValidateOptions<TOptions>
        where TOptions : class, IValidatedOptions
    {
        public ValidateOptionsResult Validate(string? name, TOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
