using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Notifications.Tests.Support;

/// <summary>An order placed through the API by a new customer.</summary>
/// <param name="Id">The order.</param>
/// <param name="Number">Its number.</param>
/// <param name="Email">The customer's e-mail.</param>
/// <param name="UserId">The customer.</param>
/// <param name="Token">The customer's token.</param>
/// <param name="Admin">An administrator's token.</param>
/// <param name="Total">What it costs.</param>
public sealed record ShopOrder(Guid Id, string Number, string Email, Guid UserId, string Token, string Admin, decimal Total)
{
    /// <summary>The total as messages show it.</summary>
    public string TotalText => Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " USD";
}

/// <summary>Customers, orders and messages, driven through the public API.</summary>
public static class Shop
{
    /// <summary>The seeded administrator's token.</summary>
    public static Task<string> AdminTokenAsync(this HttpClient client) => client.SignInAsync(NotificationsFactory.AdminEmail, NotificationsFactory.AdminPassword);

    /// <summary>The sending service's token.</summary>
    public static Task<string> SenderTokenAsync(this HttpClient client) => client.ServiceTokenAsync(NotificationsFactory.SenderClient, NotificationsFactory.ClientSecret);

    /// <summary>A new customer's order of two units of a new product named <paramref name="productName"/> at 25.00.</summary>
    public static async Task<ShopOrder> CustomerOrderAsync(this HttpClient client, string productName = "Wireless Headphones")
    {
        var (userId, email, token) = await client.RegisterCustomerAsync("Grace", "Hopper");
        return await client.OrderAsync(userId, email, token, productName);
    }

    /// <summary>An order of two units of a new product at 25.00 by the customer <paramref name="userId"/>.</summary>
    public static async Task<ShopOrder> OrderAsync(this HttpClient client, Guid userId, string email, string token, string productName = "Wireless Headphones")
    {
        var admin = await client.AdminTokenAsync();
        var (id, number, total) = await client.PlaceOrderAsync(token, admin, productName);
        return new ShopOrder(id, number, email, userId, token, admin, total);
    }

    /// <summary>Records the order's payment as the payment service does (seed 000's service update).</summary>
    public static async Task MarkPaidAsync(this HttpClient client, ShopOrder order)
    {
        var sender = await client.SenderTokenAsync();
        using var response = await client.CallAsync(HttpMethod.Put, $"/api/v1/orders/service/{order.Id}/payment", sender, new { isPaid = true, paymentIntent = "pi_" + ShopApi.Unique() });
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>Moves the order as an administrator does.</summary>
    public static async Task MoveAsync(this HttpClient client, ShopOrder order, string status, string? trackingNumber = null, string? carrier = null)
    {
        using var response = await client.CallAsync(HttpMethod.Put, $"/api/v1/orders/{order.Id}/status", order.Admin, new { status, trackingNumber, carrier });
        await response.ExpectAsync(HttpStatusCode.OK);
    }

    /// <summary>The caller's message history (data); asserts 200.</summary>
    public static async Task<JsonElement> HistoryAsync(this HttpClient client, string token, string query = "")
    {
        using var response = await client.CallAsync(HttpMethod.Get, "/api/v1/notifications/history" + query, token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>The one mail to <paramref name="recipient"/> whose subject is <paramref name="subject"/>, once it arrived (moving the clock).</summary>
    public static async Task<MimeKit.MimeMessage> MailAsync(this NotificationsFactory factory, MailServer mail, string recipient, string subject)
    {
        await factory.EventuallyAsync(async () => (await mail.MessagesToAsync(recipient)).Any(m => m.Subject == subject), $"the mail '{subject}'");
        return (await mail.MessagesToAsync(recipient)).Single(m => m.Subject == subject);
    }

    /// <summary>Waits until <paramref name="condition"/> holds, moving the host's clock so the dispatcher runs; fails after 30 s.</summary>
    public static Task EventuallyAsync(this NotificationsFactory factory, Func<Task<bool>> condition, string what)
        => Eventually.HoldsAsync(condition, what, factory.Tick, pollMilliseconds: 100);
}
