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
    bool Pay,
    string Currency,
    int? ServerPid)
{
    public const string Usage = """
        usage: Mercato.CheckoutBench --url http://127.0.0.1:5093 --admin-password <pw> [--admin-email admin@mercato.local]
                                     [--shoppers 32] [--stock 1000000] [--quantity 1] [--duration 30]
                                     [--max-orders 100000] [--payment sandbox|off] [--currency USD] [--pid <server pid>]
        Creates one product with --stock units, registers and signs in --shoppers customers (each saves a
        tok_visa card on the sandbox gateway, unless --payment off), then each shopper adds --quantity to its
        cart, places an order with that card and pays it (POST /api/v1/payments/process), again and again,
        until --duration seconds pass, --max-orders orders were attempted, or the product is sold out.
        --payment off places orders without paying them (the checkout bench of issue 7). Loopback only.
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

        var payment = values.GetValueOrDefault("--payment", "sandbox");
        if (payment is not ("sandbox" or "off"))
        {
            throw new ArgumentException("--payment must be sandbox or off.");
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
            payment == "sandbox",
            values.GetValueOrDefault("--currency", "USD"),
            values.TryGetValue("--pid", out var pid) ? int.Parse(pid, CultureInfo.InvariantCulture) : null);
    }
}
