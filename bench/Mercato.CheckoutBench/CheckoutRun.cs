using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Mercato.LoadDriver;

namespace Mercato.CheckoutBench;

/// <summary>
/// Prepares a product and signed-in shoppers with their saved cards (not timed), runs the checkout
/// loop, then audits the stock against the orders the server holds and, when the run pays, the money
/// captured against the paid orders.
/// </summary>
internal sealed class CheckoutRun(CheckoutOptions options, ShopClient shop)
{
    private const decimal Price = 10.00m;
    private const int PageSize = 100;
    private static readonly object ShippingAddress = new { street = "1 Bench Street", city = "Loopback", state = "LB", zipCode = "12700", country = "Localhost" };

    /// <summary>How long the audit waits for paid orders to show as paid in Ordering.</summary>
    private static readonly TimeSpan PaidPatience = TimeSpan.FromSeconds(60);

    private long _attempts;

    public async Task<CheckoutResult> RunAsync()
    {
        var adminToken = await shop.SignInAsync(options.AdminEmail, options.AdminPassword);
        var productId = await CreateProductAsync(adminToken);
        var shoppers = await PrepareShoppersAsync();

        var memoryBefore = ServerMemory.Read(options.ServerPid);
        var startedAt = DateTime.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var workers = await Task.WhenAll(shoppers.Select(s => ShopAsync(s, productId, stopwatch)));
        var elapsed = stopwatch.Elapsed;
        var memoryAfter = ServerMemory.Read(options.ServerPid);

        var remaining = (await shop.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/products/{productId}")).GetProperty("stock").GetInt32();
        var succeededAnswers = workers.Sum(w => w.PaymentsSucceeded);
        var orders = await ListOrdersAsync(shoppers);
        MoneyAudit? money = null;
        if (options.Pay)
        {
            // Ordering marks an order paid when PaymentSucceeded reaches it through the outbox: give the events a moment.
            var deadline = Stopwatch.StartNew();
            while (orders.Count(o => o.IsPaid) < succeededAnswers && deadline.Elapsed < PaidPatience)
            {
                await Task.Delay(500);
                orders = await ListOrdersAsync(shoppers);
            }

            money = MoneyAudit.Of(orders, await ListPaymentsAsync(adminToken, startedAt, orders), succeededAnswers);
        }

        return new CheckoutResult(
            options,
            elapsed,
            Sorted(workers.Select(w => w.OrderLatenciesMs)),
            Sorted(workers.Select(w => w.PaymentLatenciesMs)),
            Sorted(workers.Select(w => w.CheckoutLatenciesMs)),
            Merge(workers.Select(w => w.OrderStatuses)),
            MergeErrors(workers.Select(w => w.OrderErrors)),
            Merge(workers.Select(w => w.PaymentStatuses)),
            MergeErrors(workers.Select(w => w.PaymentErrors)),
            succeededAnswers,
            Merge(workers.Select(w => w.CartStatuses)),
            workers.Sum(w => w.TransportFailures),
            memoryBefore,
            memoryAfter,
            remaining,
            orders.Count,
            orders.Sum(o => (long)o.Units),
            money);
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
                var token = await shop.SignInAsync(email, password);
                Guid? card = options.Pay
                    ? (await shop.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/payments/methods", token, new { cardToken = "tok_visa", isDefault = true }))
                        .GetProperty("id").GetGuid()
                    : null;
                return new Shopper(email, token, card);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    /// <summary>
    /// One shopper's closed loop: add to cart, place the order and, when the run pays, pay it with the
    /// shopper's saved card; stops at the deadline, the order bound, or when the cart reports the product sold out.
    /// </summary>
    private async Task<WorkerResult> ShopAsync(Shopper shopper, Guid productId, Stopwatch stopwatch)
    {
        var result = new WorkerResult();
        while (stopwatch.Elapsed < options.Duration && Interlocked.Increment(ref _attempts) <= options.MaxOrders)
        {
            try
            {
                var round = Stopwatch.GetTimestamp();
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
                    HttpMethod.Post, "/api/v1/orders", shopper.Token, new { shippingAddress = ShippingAddress, paymentMethodId = shopper.PaymentMethodId }, Guid.NewGuid().ToString());
                var body = await placed.Content.ReadAsStringAsync();
                result.OrderLatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                result.CountOrder(placed.StatusCode);
                if (placed.StatusCode != HttpStatusCode.Created)
                {
                    result.CountOrderError(placed.StatusCode, ErrorCode(body));
                    // The cart keeps its line when the order is refused: start the next round empty.
                    using var cleared = await shop.SendAsync(HttpMethod.Delete, "/api/v1/cart", shopper.Token);
                    continue;
                }

                if (shopper.PaymentMethodId is not { } card || await PayAsync(shopper.Token, card, body, result))
                {
                    result.CheckoutLatenciesMs.Add(Stopwatch.GetElapsedTime(round).TotalMilliseconds);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                result.TransportFailures++;
            }
        }

        return result;
    }

    /// <summary>Pays the order just placed (its envelope in <paramref name="orderBody"/>) as seed 004 does; answers whether it succeeded.</summary>
    private async Task<bool> PayAsync(string token, Guid card, string orderBody, WorkerResult result)
    {
        using var json = JsonDocument.Parse(orderBody);
        var order = json.RootElement.GetProperty("data");
        var started = Stopwatch.GetTimestamp();
        using var paid = await shop.SendAsync(
            HttpMethod.Post,
            "/api/v1/payments/process",
            token,
            new { orderId = order.GetProperty("id").GetGuid(), paymentMethodId = card, amount = order.GetProperty("total").GetDecimal(), currency = options.Currency },
            Guid.NewGuid().ToString());
        var body = await paid.Content.ReadAsStringAsync();
        result.PaymentLatenciesMs.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        result.CountPayment(paid.StatusCode);
        if (paid.StatusCode != HttpStatusCode.OK)
        {
            result.CountPaymentError(paid.StatusCode, ErrorCode(body));
            return false;
        }

        using var payment = JsonDocument.Parse(body);
        if (payment.RootElement.GetProperty("data").GetProperty("status").GetString() != "succeeded")
        {
            result.CountPaymentError(paid.StatusCode, "status " + payment.RootElement.GetProperty("data").GetProperty("status").GetString());
            return false;
        }

        result.PaymentsSucceeded++;
        return true;
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

    /// <summary>Every order the shoppers hold on the server, read through their order lists.</summary>
    private async Task<List<ServerOrder>> ListOrdersAsync(IEnumerable<Shopper> shoppers)
    {
        var orders = new List<ServerOrder>();
        foreach (var shopper in shoppers)
        {
            await foreach (var o in PagesAsync($"/api/v1/orders?pageSize={PageSize}", shopper.Token))
            {
                orders.Add(new ServerOrder(o.GetProperty("id").GetGuid(), o.GetProperty("itemCount").GetInt32(), o.GetProperty("total").GetDecimal(), o.GetProperty("isPaid").GetBoolean()));
            }
        }

        return orders;
    }

    /// <summary>The payments of <paramref name="orders"/>, read through the administrator's payment list (created since the run started).</summary>
    private async Task<List<ServerPayment>> ListPaymentsAsync(string adminToken, DateTime since, IEnumerable<ServerOrder> orders)
    {
        var ids = orders.Select(o => o.Id).ToHashSet();
        var payments = new List<ServerPayment>();
        var from = Uri.EscapeDataString(since.AddSeconds(-1).ToString("O", CultureInfo.InvariantCulture));
        await foreach (var p in PagesAsync($"/api/v1/payments?from={from}&pageSize={PageSize}", adminToken))
        {
            var payment = new ServerPayment(p.GetProperty("id").GetGuid(), p.GetProperty("orderId").GetGuid(), p.GetProperty("status").GetString()!, p.GetProperty("captured").GetDecimal());
            if (ids.Contains(payment.OrderId))
            {
                payments.Add(payment);
            }
        }

        return payments;
    }

    /// <summary>Every item of a paged list (<c>items</c>, <c>totalPages</c>), page after page.</summary>
    private async IAsyncEnumerable<JsonElement> PagesAsync(string path, string token)
    {
        for (var page = 1; ; page++)
        {
            var data = await shop.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{path}&pageNumber={page}", token);
            foreach (var item in data.GetProperty("items").EnumerateArray())
            {
                yield return item;
            }

            if (page >= data.GetProperty("totalPages").GetInt32())
            {
                yield break;
            }
        }
    }

    private static double[] Sorted(IEnumerable<List<double>> latencies) => [.. latencies.SelectMany(l => l).Order()];

    private static Dictionary<string, long> MergeErrors(IEnumerable<Dictionary<string, long>> counts)
        => counts.SelectMany(c => c).GroupBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value), StringComparer.Ordinal);

    private static Dictionary<int, long> Merge(IEnumerable<Dictionary<int, long>> counts)
        => counts.SelectMany(c => c).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
}
