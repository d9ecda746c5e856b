using System.Globalization;

namespace Mercato.CheckoutBench;

/// <summary>Command-line options of the checkout benchmark.</summary>
internal sealed record CheckoutOptions(
    Uri Server,
    string AdminEmail,
    string AdminPassword,
    int Shoppers,
    int Stock,
    int Quantity,
    TimeSpan Duration,
    int MaxOrders,
    int? ServerPid)
{
    public const string Usage = """
        usage: Mercato.CheckoutBench --url http://127.0.0.1:5093 --admin-password <pw> [--admin-email admin@mercato.local]
                                     [--shoppers 32] [--stock 1000000] [--quantity 1] [--duration 30]
                                     [--max-orders 100000] [--pid <server pid>]
        Creates one product with --stock units, registers and signs in --shoppers customers, then each
        shopper adds --quantity to its cart and places an order, again and again, until --duration
        seconds pass, --max-orders orders were attempted, or the product is sold out. Loopback only.
        """;

    public static CheckoutOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        if (!values.TryGetValue("--url", out var url) || !values.TryGetValue("--admin-password", out var password))
        {
            throw new ArgumentException(Usage);
        }

        var server = new Uri(url);
        if (!server.IsLoopback)
        {
            throw new ArgumentException("Load is only ever sent to loopback addresses.");
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new CheckoutOptions(
            server,
            values.GetValueOrDefault("--admin-email", "admin@mercato.local"),
            password,
            Math.Clamp(Int("--shoppers", 32), 1, 256),
            Math.Clamp(Int("--stock", 1_000_000), 1, 100_000_000),
            Math.Clamp(Int("--quantity", 1), 1, 100),
            TimeSpan.FromSeconds(Math.Clamp(Int("--duration", 30), 1, 300)),
            Math.Clamp(Int("--max-orders", 100_000), 1, 1_000_000),
            values.TryGetValue("--pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}
