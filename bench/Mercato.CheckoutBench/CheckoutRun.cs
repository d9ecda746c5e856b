using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Mercato.LoadDriver;

namespace Mercato.CheckoutBench;

/// <summary>
/// Prepares a product and signed-in shoppers (not timed), runs the checkout loop, then audits the
/// stock against the orders the server holds.
/// </summary>
internal sealed class CheckoutRun(CheckoutOptions options, ShopClient shop)
{
    private const decimal Price = 10.00m;
    private static readonly object ShippingAddress = new { street = "1 Bench Street", city = "Loopback", state = "LB", zipCode = "12700", country = "Localhost" };

    private long _attempts;

    public async Task<CheckoutResult> RunAsync()
    {
        var adminToken = await shop.SignInAsync(options.AdminEmail, options.AdminPassword);
        var productId = await CreateProductAsync(adminToken);
        var shoppers = await PrepareShoppersAsync();

        var memoryBefore = ServerMemory.Read(options.ServerPid);
        var stopwatch = Stopwatch.StartNew();
        var workers = await Task.WhenAll(shoppers.Select(s => ShopAsync(s, productId, stopwatch)));
        var elapsed = stopwatch.Elapsed;
        var memoryAfter = ServerMemory.Read(options.ServerPid);

        var remaining = (await shop.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/products/{productId}")).GetProperty("stock").GetInt32();
        var (orders, units) = await CountOrdersAsync(shoppers);
        return new CheckoutResult(
            options,
            elapsed,
            [.. workers.SelectMany(w => w.OrderLatenciesMs).Order()],
            Merge(workers.Select(w => w.OrderStatuses)),
            workers.SelectMany(w => w.OrderErrors).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value)),
            Merge(workers.Select(w => w.CartStatuses)),
            workers.Sum(w => w.TransportFailures),
            memoryBefore,
            memoryAfter,
            remaining,
            orders,
            units);
    }

    private async Task<Guid> CreateProductAsync(string adminToken)
    {
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var category = await shop.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/categories", adminToken, new { name = "Checkout bench " + suffix });
        var product = await shop.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/products", adminToken, new
        {
            name = "Checkout bench product " + suffix,
            sku = "BENCH-" + suffix,
            description = "Sold by the checkout benchmark",
            price = Price,
            categoryId = category.GetProperty("id").GetGuid(),
            stock = options.Stock,
            images = new[] { new { url = $"https://shop.example/media/{suffix}.jpg", alt = "bench", isPrimary = true } },
        });
        return product.GetProperty("id").GetGuid();
    }

    private async Task<Shopper[]> PrepareShoppersAsync()
    {
        const string password = "Bench-Passw0rd!";
        var run = Guid.NewGuid().ToString("N")[..8];
        using var gate = new SemaphoreSlim(4); // registration hashes passwords: a few at a time
        return await Task.WhenAll(Enumerable.Range(1, options.Shoppers).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var email = $"bench.{run}.{i}@example.com";
                await shop.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/auth/register", body: new { email, password, firstName = "Bench", lastName = $"Shopper {i}" });
                return new Shopper(email, await shop.SignInAsync(email, password));
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>One shopper's closed loop: add to cart, place the order; stops at the deadline, the order bound, or when the cart reports the product sold out.</summary>
    private async Task<WorkerResult> ShopAsync(Shopper shopper, Guid productId, Stopwatch stopwatch)
    {
        var result = new WorkerResult();
        while (stopwatch.Elapsed < options.Duration && Interlocked.Increment(ref _attempts) <= options.MaxOrders)
        {
            try
            {
                using (var added = await shop.SendAsync(HttpMethod.Post, "/api/v1/cart/items", shopper.Token, new { productId, quantity = options.Quantity }))
                {
                    result.CountCart(added.StatusCode);
                    if (added.StatusCode == HttpStatusCode.Conflict)
                    {
                        break; // INSUFFICIENT_STOCK: nothing left for this quantity, and nothing comes back in this scenario
                    }

                    if (added.StatusCode != HttpStatusCode.Created)
                    {
                        continue;
                    }
                }

                var started = Stopwatch.GetTimestamp();
                using var placed = await shop.SendAsync(
                    HttpMethod.Post, "/api/v1/orders", shopper.Token, new { shippingAddress = ShippingAddress }, Guid.NewGuid().ToString());
                var body = await placed.Content.ReadAsStringAsync();
                result.OrderLatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                result.CountOrder(placed.StatusCode);
                if (placed.StatusCode != HttpStatusCode.Created)
                {
                    result.CountOrderError(placed.StatusCode, ErrorCode(body));
                    // The cart keeps its line when the order is refused: start the next round empty.
                    using var cleared = await shop.SendAsync(HttpMethod.Delete, "/api/v1/cart", shopper.Token);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                result.TransportFailures++;
            }
        }

        return result;
    }

    private static string ErrorCode(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0
                ? errors[0].GetProperty("code").GetString() ?? "?"
                : "?";
        }
        catch (JsonException)
        {
            return "(not JSON)";
        }
    }

    /// <summary>Every order the shoppers hold on the server, and the units in them, read through the order list.</summary>
    private async Task<(long Orders, long Units)> CountOrdersAsync(IEnumerable<Shopper> shoppers)
    {
        long orders = 0, units = 0;
        foreach (var shopper in shoppers)
        {
            for (var page = 1; ; page++)
            {
                var data = await shop.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/orders?pageNumber={page}&pageSize=100", shopper.Token);
                var items = data.GetProperty("items");
                units += items.EnumerateArray().Sum(o => o.GetProperty("itemCount").GetInt64());
                if (page == 1)
                {
                    orders += data.GetProperty("totalCount").GetInt64();
                }

                if (page >= data.GetProperty("totalPages").GetInt32())
                {
                    break;
                }
            }
        }

        return (orders, units);
    }

    private static Dictionary<int, long> Merge(IEnumerable<Dictionary<int, long>> counts)
        => counts.SelectMany(c => c).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
}
