namespace Mercato.Platform.Hosting;

/// <summary>
/// <c>Mercato.Server --help</c> (or <c>-h</c>, <c>help</c>): what the executable does, its commands
/// and the services <c>--services</c> accepts, written to standard output; nothing is composed,
/// started or written to disk. Exits 0.
/// </summary>
public static class HelpCommand
{
    /// <summary>The words that ask for this text, as the first argument.</summary>
    public static readonly IReadOnlySet<string> Words = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "--help", "-h", "-?", "help" };

    /// <summary>Writes the text for an executable that knows <paramref name="known"/>.</summary>
    public static Task WriteAsync(TextWriter output, IReadOnlyList<MercatoModule> known)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(known);
        var services = string.Join(", ", known.Select(m => m.Name));
        return output.WriteAsync($"""
            Mercato: one executable for the whole shop (embedded) or any of its services (distributed).

            Usage:
              Mercato.Server [--services <names>] [--urls <urls>] [--<Section>:<Key> <value> ...]
                  Serve HTTP until stopped (Ctrl+C or SIGTERM drains in-flight requests first).
              Mercato.Server migrate [--services <names>] [settings ...]
                  Apply the database migrations of the selected modules, then exit.
              Mercato.Server {ServiceClientsCommand.Name} [{ServiceClientsCommand.JsonSwitch}] [settings ...]
                  Print the OAuth client and scopes each service needs in distributed mode, then exit.
              Mercato.Server --help
                  This text.

            --services takes a comma-separated list of: all (the default: every module but the gateway),
              {services}.
            Settings are read from appsettings.json, environment variables (Section__Key=value) and the
            command line (--Section:Key value), later sources winning; the README lists them.
            Exit codes: 0 done, {MercatoHost.InvalidConfigurationExitCode} a configuration error (printed), {MercatoHost.DatabaseFailureExitCode} a database that could not be reached or migrated.

            """);
    }
}
