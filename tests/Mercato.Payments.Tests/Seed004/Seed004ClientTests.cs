using System.Diagnostics;
using System.Text.Json;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Seed004;

/// <summary>
/// Seed 004's own Python client (copied unchanged from the seed into <c>seed004_client.py</c>) adds
/// a <c>tok_visa</c> card, places an order with it and processes the payment against a real Kestrel
/// socket, as an integrator's script would.
/// </summary>
public sealed class Seed004ClientTests : IAsyncLifetime
{
    private readonly PaymentsFactory _factory = new();

    /// <inheritdoc />
    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task The_seeds_python_client_adds_a_card_orders_with_it_and_pays()
    {
        var baseUrl = _factory.StartKestrel();
        using var client = new HttpClient { BaseAddress = baseUrl };
        var admin = await client.SignInAsync(PaymentsFactory.AdminEmail, PaymentsFactory.AdminPassword);
        var product = await client.CreateProductAsync(admin, 19.99m, 10);
        var (_, email, _) = await client.RegisterCustomerAsync();

        var script = Path.Combine(AppContext.BaseDirectory, "Seed004", "pay_with_seed004_client.py");
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, baseUrl.ToString().TrimEnd('/'), email, ApiCalls.CustomerPassword, product.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var python = System.Diagnostics.Process.Start(start)!;
        var output = await python.StandardOutput.ReadToEndAsync();
        var errors = await python.StandardError.ReadToEndAsync();
        await python.WaitForExitAsync();

        Assert.True(python.ExitCode == 0, $"python3 exited {python.ExitCode}: {errors}");
        var result = JsonDocument.Parse(output).RootElement;
        Assert.Equal("succeeded", result.GetProperty("status").GetString());
        var orderId = result.GetProperty("orderId").GetGuid();
        var payment = await _factory.WithDbAsync(db => db.Payments.AsNoTracking().SingleAsync(p => p.OrderId == orderId));
        Assert.Equal((result.GetProperty("total").GetDecimal(), Ledger.PaymentStatus.Succeeded, "4242"), (payment.Captured, payment.Status, payment.CardLast4));
    }
}
