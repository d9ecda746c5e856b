using System.Net;
using Mercato.Client.Generated.Models;
using Mercato.Client.Headers;

namespace Mercato.Client.Tests;

/// <summary>The shopper's flow through the generated client and its hand-written layer, against the real server.</summary>
public sealed class ShopperFlowTests(ShopServer shop)
{
    [Fact]
    public async Task A_customer_registers_browses_orders_once_per_idempotency_key_pays_on_the_sandbox_and_reads_the_order_paid()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = shop.NewClient();
        await client.RegisterAndSignInAsync();
        Assert.True(client.IsSignedIn);

        var product = await client.InStockProductAsync();
        var word = product.Name!.Split(' ')[0];
        var found = await client.V1.Products.Search.GetAsync(c => c.QueryParameters.Q = word, ct);
        Assert.Contains(found!.Data!.Items!, i => i.Name!.Contains(word, StringComparison.OrdinalIgnoreCase));

        var line = await client.V1.Cart.Items.PostAsync(new AddItemRequest { ProductId = product.Id, Quantity = 2 }, cancellationToken: ct);
        Assert.Equal(2, line!.Data!.Quantity);
        var cart = await client.V1.Cart.GetAsync(cancellationToken: ct);
        Assert.Single(cart!.Data!.Items!);

        var key = IdempotencyKeys.NewKey();
        var body = new PlaceOrderRequest { ShippingAddress = Shoppers.Address() };
        var placed = (await client.V1.Orders.PostAsync(body, c => c.UseIdempotencyKey(key), ct))!.Data!;
        var replayed = (await client.V1.Orders.PostAsync(body, c => c.UseIdempotencyKey(key), ct))!.Data!;
        Assert.Equal(placed.Id, replayed.Id);
        Assert.Equal(placed.OrderNumber, replayed.OrderNumber);
        Assert.Equal("pending", placed.Status);
        Assert.Equal(Math.Round(product.SellPrice ?? product.Price ?? 0, 2) * 2, placed.Subtotal);

        var orders = await client.V1.Orders.GetAsync(cancellationToken: ct);
        Assert.Single(orders!.Data!.Items!, o => o.Id == placed.Id);

        var session = (await client.V1.Payments.CheckoutSessions.PostAsync(new CheckoutSessionRequest { OrderId = placed.Id }, cancellationToken: ct))!.Data!;
        Assert.Equal(HttpStatusCode.OK, await SandboxPage.PayAsync(session.CheckoutUrl!));

        var paid = await client.WaitUntilPaidAsync(placed.Id!.Value);
        Assert.True(paid.IsPaid, $"order status {paid.Status}");
        Assert.Equal("paid", paid.Status);
        var payment = (await client.V1.Payments[session.PaymentId!.Value].GetAsync(cancellationToken: ct))!.Data!;
        Assert.Equal("succeeded", payment.Status);
    }

    [Fact]
    public async Task A_guest_keeps_the_cart_key_the_first_cart_write_answers_and_checks_out_with_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var guest = shop.NewClient();
        var product = await guest.InStockProductAsync();
        Assert.Null(guest.CartKey);

        await guest.V1.Cart.Items.PostAsync(new AddItemRequest { ProductId = product.Id, Quantity = 1 }, cancellationToken: ct);
        Assert.NotNull(guest.CartKey);
        var cart = await guest.V1.Cart.GetAsync(cancellationToken: ct);
        Assert.Equal(product.Id, Assert.Single(cart!.Data!.Items!).ProductId);

        var order = (await guest.V1.Orders.PostAsync(
            new PlaceOrderRequest { ContactEmail = "guest@client.test", ShippingAddress = Shoppers.Address() }, cancellationToken: ct))!.Data!;
        Assert.Equal("pending", order.Status);
        var read = (await guest.V1.Orders[order.Id!.Value].GetAsync(cancellationToken: ct))!.Data!;
        Assert.Equal(order.OrderNumber, read.OrderNumber);

        using var stranger = shop.NewClient();
        await stranger.V1.Cart.Items.PostAsync(new AddItemRequest { ProductId = product.Id, Quantity = 1 }, cancellationToken: ct);
        Assert.NotEqual(guest.CartKey, stranger.CartKey);
        var refused = await Assert.ThrowsAsync<Errors.MercatoApiException>(() => stranger.V1.Orders[order.Id!.Value].GetAsync(cancellationToken: ct));
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
    }
}
