using System.Globalization;

namespace Mercato.LoadDriver;

/// <summary>Command-line options of the load driver.</summary>
internal sealed record LoadOptions(
    Uri Url,
    HttpMethod Method,
    string? Body,
    int Concurrency,
    TimeSpan Duration,
    TimeSpan Warmup,
    int? ServerPid,
    IReadOnlyDictionary<string, string> Headers)
{
    public const string Usage = """
        usage: Mercato.LoadDriver --url http://127.0.0.1:5000/health/live [--method GET] [--body '{json}']
                                  [--concurrency 16] [--duration 20] [--warmup 5] [--pid <server pid>]
                                  [--header 'Name: value']...
        Targets loopback only. The body may contain {n}, replaced by a per-request counter.
        """;

    public static LoadOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            if (args[i] == "--header")
            {
                var parts = args[i + 1].Split(':', 2, StringSplitOptions.TrimEntries);
                headers[parts[0]] = parts.Length > 1 ? parts[1] : string.Empty;
            }
            else
            {
                values[args[i]] = args[i + 1];
            }
        }

        if (!values.TryGetValue("--url", out var url))
        {
            throw new ArgumentException(Usage);
        }

        var uri = new Uri(url);
        if (!uri.IsLoopback)
        {
            throw new ArgumentException("Load is only ever sent to loopback addresses.");
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var concurrency = Math.Clamp(Int("--concurrency", 16), 1, 256);
        var duration = TimeSpan.FromSeconds(Math.Clamp(Int("--duration", 20), 1, 300));
        var warmup = TimeSpan.FromSeconds(Math.Clamp(Int("--warmup", 5), 0, 60));
        return new LoadOptions(
            uri,
            new HttpMethod(values.GetValueOrDefault("--method", "GET").ToUpperInvariant()),
            values.GetValueOrDefault("--body"),
            concurrency,
            duration,
            warmup,
            values.TryGetValue("--pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null,
            headers);
    }
}
