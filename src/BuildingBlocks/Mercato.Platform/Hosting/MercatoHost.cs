using System.Data.Common;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Platform.Hosting;

/// <summary>
/// Builds and runs the one Mercato executable: reads <c>--services</c>, adds the platform and
/// the chosen modules, and either serves, or (with the <c>migrate</c> command) migrates and exits,
/// or (with <c>service-clients</c>) prints the scopes each service's own client needs and exits.
/// </summary>
public static class MercatoHost
{
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--services"] = "Mercato:Services",
    };

    /// <summary>
    /// Splits a leading command word (<c>migrate</c>, <c>service-clients</c>, <c>--help</c>) from the configuration
    /// arguments.
    /// </summary>
    public static (ServerCommand Command, string[] Arguments) ParseCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && HelpCommand.Words.Contains(args[0]))
        {
            return (ServerCommand.Help, args[1..]);
        }

        if (args.Length > 0 && string.Equals(args[0], "migrate", StringComparison.OrdinalIgnoreCase))
        {
            return (ServerCommand.Migrate, args[1..]);
        }

        if (args.Length > 0 && string.Equals(args[0], ServiceClientsCommand.Name, StringComparison.OrdinalIgnoreCase))
        {
            return (ServerCommand.ServiceClients, args[1..]);
        }

        return (ServerCommand.Run, args);
    }

    /// <summary>
    /// Composes the application without building it: configuration (shipped appsettings, the usual
    /// sources, the command line, then <paramref name="overrides"/> above all), the platform and the
    /// modules <c>Mercato:Services</c> selects; <paramref name="everyProcess"/> adds what every
    /// process has whichever modules it hosts (log shipping), after the modules. Nothing is started
    /// or validated yet.
    /// </summary>
    public static (WebApplicationBuilder Builder, HostedModules Modules) Compose(
        string[] args,
        IReadOnlyList<MercatoModule> known,
        Action<IHostApplicationBuilder, HostedModules>? everyProcess = null,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        AddShippedSettings(builder);
        UseShippedWebRoot(builder);
        builder.Configuration.AddCommandLine(args, SwitchMappings);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        var modules = HostedModules.Select(builder.Configuration["Mercato:Services"], known);
        builder.AddMercatoPlatform(modules);
        foreach (var module in modules.Hosted)
        {
            module.Add(builder);
        }

        everyProcess?.Invoke(builder, modules);
        return (builder, modules);
    }

    /// <summary>
    /// Builds the application for the given arguments and known modules (see <see cref="Compose"/>)
    /// and maps the platform's and the modules' endpoints.
    /// </summary>
    public static WebApplication Build(string[] args, IReadOnlyList<MercatoModule> known, Action<IHostApplicationBuilder, HostedModules>? everyProcess = null)
    {
        var (builder, modules) = Compose(args, known, everyProcess);
        var app = builder.Build();
        app.UseMercatoPlatform();
        foreach (var module in modules.Hosted)
        {
            module.Map(app.ModuleGroup(module));
        }

        app.MapMercatoPlatform(modules);
        return app;
    }

    /// <summary>
    /// The content root is the working directory, so a server started from elsewhere would miss
    /// the appsettings.json shipped next to the executable. Add those as the lowest-priority
    /// source: anything in the working directory, the environment or the command line wins.
    /// </summary>
    private static void AddShippedSettings(WebApplicationBuilder builder)
    {
        var shippedRoot = AppContext.BaseDirectory;
        if (Path.GetFullPath(builder.Environment.ContentRootPath).TrimEnd(Path.DirectorySeparatorChar)
            == Path.GetFullPath(shippedRoot).TrimEnd(Path.DirectorySeparatorChar))
        {
            return;
        }

        var provider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(shippedRoot);
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
        {
            FileProvider = provider,
            Path = "appsettings.json",
            Optional = true,
        });
    }

    /// <summary>
    /// Likewise the static files a published server ships in <c>wwwroot</c> next to the executable
    /// (the storefront's stylesheets, <c>blazor.web.js</c>): when the working directory has no
    /// <c>wwwroot</c> of its own, they are served from the shipped one. Without it, a published
    /// server started from another folder answered every static file 200 with an empty body and no
    /// content type, and browsers refused the scripts and styles.
    /// </summary>
    private static void UseShippedWebRoot(WebApplicationBuilder builder)
    {
        var environment = builder.Environment;
        var shipped = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if ((!string.IsNullOrEmpty(environment.WebRootPath) && Directory.Exists(environment.WebRootPath)) || !Directory.Exists(shipped))
        {
            return;
        }

        environment.WebRootPath = shipped;
        environment.WebRootFileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(shipped);
    }

    /// <summary>Exit code for configuration the operator must fix (see <see cref="InvalidConfigurationException"/>).</summary>
    public const int InvalidConfigurationExitCode = 2;

    /// <summary>Exit code when a module database cannot be reached or migrated (at start or by <c>migrate</c>).</summary>
    public const int DatabaseFailureExitCode = 1;

    /// <summary>
    /// The executable's entry point: serve until SIGTERM/Ctrl+C (draining in-flight requests for up
    /// to <c>Mercato:ShutdownTimeoutSeconds</c>), or migrate and exit, or print the service clients
    /// (<see cref="ServiceClientsCommand"/>) and exit. Why a start or a command was refused goes to
    /// <paramref name="errors"/> (standard error unless given).
    /// </summary>
    public static async Task<int> RunAsync(
        string[] args,
        IReadOnlyList<MercatoModule> known,
        Action<IHostApplicationBuilder, HostedModules>? everyProcess = null,
        TextWriter? errors = null)
    {
        errors ??= Console.Error;
        var (command, arguments) = ParseCommand(args);
        if (command == ServerCommand.Help)
        {
            await HelpCommand.WriteAsync(Console.Out, known);
            return 0;
        }

        if (command == ServerCommand.ServiceClients)
        {
            try
            {
                await ServiceClientsCommand.WriteAsync(Console.Out, arguments, known, everyProcess);
                return 0;
            }
            catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } problem)
            {
                await errors.WriteLineAsync(ConfigurationErrors.Prefix + problem);
                return InvalidConfigurationExitCode;
            }
        }

        WebApplication app;
        try
        {
            app = Build(arguments, known, everyProcess);
        }
        catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } problem)
        {
            await errors.WriteLineAsync(ConfigurationErrors.Prefix + problem);
            return InvalidConfigurationExitCode;
        }

        await using (app)
        {
            try
            {
                ConfigurationErrors.ValidateAll(app.Services);
                if (command == ServerCommand.Migrate)
                {
                    await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                    return 0;
                }

                await app.RunAsync();
                return 0;
            }
            catch (Exception ex) when (ConfigurationErrors.Describe(ex) is { } problem)
            {
                // Found while starting (settings, a module's configured keys); nothing has been served.
                await errors.WriteLineAsync(ConfigurationErrors.Prefix + problem);
                return InvalidConfigurationExitCode;
            }
            catch (DbException ex)
            {
                // The host has already logged the failure with its details; say it plainly and exit.
                await errors.WriteLineAsync("Mercato stopped: a module database could not be reached or migrated: " + ex.Message);
                return DatabaseFailureExitCode;
            }
        }
    }
}
