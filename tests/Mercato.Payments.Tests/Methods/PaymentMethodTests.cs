using System.Net;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Tests.Methods;

/// <summary>Saved cards (seed 004), on one provider.</summary>
public abstract class PaymentMethodTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PaymentsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Cards_are_saved_from_tokens_one_is_default_and_deleting_it_promotes_the_newest()
    {
        var (_, _, token) = await _client.RegisterCustomerAsync();
        var visa = await _client.SaveCardAsync(token);
        var mastercard = await _client.SaveCardAsync(token, "tok_mastercard");
        var amex = await _client.SaveCardAsync(token, "tok_amex", isDefault: true);

        using var list = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments/methods", token);
        await list.ExpectAsync(HttpStatusCode.OK);
        var methods = (await list.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([amex, mastercard, visa], methods.Select(m => m.GetProperty("id").GetGuid()));
        Assert.Equal([true, false, false], methods.Select(m => m.GetProperty("isDefault").GetBoolean()));
        Assert.Equal(("amex", "0005", "card", 12), (methods[0].GetProperty("brand").GetString(), methods[0].GetProperty("last4").GetString(), methods[0].GetProperty("type").GetString(), methods[0].GetProperty("expiryMonth").GetInt32()));
        var stored = await factory.WithDbAsync(db => db.SandboxCards.AsNoTracking().ToListAsync());
        Assert.DoesNotContain(stored, c => c.Fingerprint.Contains("378282246310005", StringComparison.Ordinal));

        using var deleted = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/payments/methods/{amex}", token);
        await deleted.ExpectAsync(HttpStatusCode.NoContent);
        using var after = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments/methods", token);
        var left = (await after.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([(mastercard, true), (visa, false)], left.Select(m => (m.GetProperty("id").GetGuid(), m.GetProperty("isDefault").GetBoolean())));
    }

    [Fact]
    public async Task Unknown_tokens_and_bad_bodies_are_refused_and_store_nothing()
    {
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        foreach (var (body, field) in new (object, string)[]
        {
            (new { type = "card", cardToken = "tok_unknown" }, "cardToken"),
            (new { type = "card", cardToken = "4242424242424242" }, "cardToken"),
            (new { type = "card" }, "cardToken"),
            (new { type = "bank", cardToken = "tok_visa" }, "type"),
            (new { type = "card", cardToken = "tok visa; drop" }, "cardToken"),
        })
        {
            using var bad = await _client.CallAsync(HttpMethod.Post, "/api/v1/payments/methods", token, body);
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
            Assert.Contains(field, (await bad.ReadErrorAsync()).ErrorFields());
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.PaymentMethods.CountAsync(m => m.UserId == userId)));
    }

    [Fact]
    public async Task Anonymous_callers_guests_and_other_customers_cannot_see_or_delete_a_card()
    {
        var (_, _, owner) = await _client.RegisterCustomerAsync();
        var card = await _client.SaveCardAsync(owner);
        var (_, _, stranger) = await _client.RegisterCustomerAsync();

        using var anonymousList = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments/methods", null);
        await anonymousList.ExpectAsync(HttpStatusCode.Unauthorized);
        using var guestAdd = await _client.CallAsync(HttpMethod.Post, "/api/v1/payments/methods", null, new { cardToken = "tok_visa" }, ShopApi.CartKey("some-guest-cart-key"));
        await guestAdd.ExpectAsync(HttpStatusCode.Unauthorized);
        using var strangersList = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments/methods", stranger);
        Assert.Equal(0, (await strangersList.ReadJsonAsync()).GetProperty("data").GetArrayLength());
        using var strangersDelete = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/payments/methods/{card}", stranger);
        await strangersDelete.ExpectAsync(HttpStatusCode.NotFound);
        var service = await _client.ServiceTokenAsync(PaymentsFactory.ReportsClient, PaymentsFactory.ClientSecret);
        using var serviceList = await _client.CallAsync(HttpMethod.Get, "/api/v1/payments/methods", service);
        await serviceList.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(1, await factory.WithDbAsync(db => db.PaymentMethods.CountAsync(m => m.Id == card)));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePaymentMethodTests(PaymentsFactory factory) : PaymentMethodTests<PaymentsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPaymentMethodTests(PostgresPaymentsFactory factory) : PaymentMethodTests<PostgresPaymentsFactory>(factory);
