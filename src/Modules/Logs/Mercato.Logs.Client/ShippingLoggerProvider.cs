using System.Collections.Concurrent;
using Mercato.Platform.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Logs.Client;

/// <summary>
/// The logger provider that ships this process's logs: each record at or above
/// <see cref="LogShippingOptions.MinimumLevel"/> (and the category levels of <c>Logging:LogLevel</c>,
/// or <c>Logging:Shipping:LogLevel</c> for shipping alone) goes into the <see cref="LogBuffer"/>.
/// Writing never blocks the caller.
/// </summary>
[ProviderAlias("Shipping")]
public sealed class ShippingLoggerProvider : ILoggerProvider
{
    /// <summary>Categories never shipped: the shipper's own, and its HTTP client's.</summary>
    internal static readonly string[] ExcludedCategories = ["Mercato.Logs.Client", "System.Net.Http.HttpClient." + LogsClientSetup.HttpClientName, "Polly"];

    private readonly ConcurrentDictionary<string, ShippingLogger> _loggers = new(StringComparer.Ordinal);
    private readonly LogBuffer _buffer;
    private readonly TimeProvider _time;
    private readonly LogLevel _minimum;
    private readonly string _process;
    private readonly Dictionary<string, string> _modules;

    /// <summary>Creates the provider.</summary>
    public ShippingLoggerProvider(LogBuffer buffer, TimeProvider time, IOptions<LogShippingOptions> options, HostedModules modules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(modules);
        _buffer = buffer;
        _time = time;
        _minimum = options.Value.MinimumLevel;
        _process = string.Join(',', modules.Hosted.Select(m => m.Name));
        _modules = modules.Hosted.ToDictionary(m => m.Name, m => m.Name, StringComparer.OrdinalIgnoreCase);
    }

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => _loggers.GetOrAdd(categoryName, name => new ShippingLogger(
        name,
        ServiceOf(name),
        ExcludedCategories.Any(p => name.StartsWith(p, StringComparison.Ordinal)) ? LogLevel.None : _minimum,
        _buffer,
        _time));

    /// <inheritdoc />
    public void Dispose() => _loggers.Clear();

    // Mercato.Catalog.Products.ProductsApi → catalog, when Catalog runs here; otherwise the process's modules.
    private string ServiceOf(string category)
    {
        var parts = category.Split('.', 3);
        return parts.Length >= 2 && parts[0] == "Mercato" && _modules.TryGetValue(parts[1], out var module) ? module : _process;
    }
}
