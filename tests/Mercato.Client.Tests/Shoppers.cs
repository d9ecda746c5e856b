using Mercato.Client.Generated.Models;

namespace Mercato.Client.Tests;

/// <summary>What the tests do as shoppers, through the client's generated calls.</summary>
internal static class Shoppers
{
    /// <summary>The password every test account gets.</summary>
    public const string Password = "Shopper-Passw0rd!";

    /// <summary>A shipping address the orders go to.</summary>
    public static AddressBody Address() => new()
    {
        Street = "12 Analytical Row", City = "London", State = "LDN", ZipCode = "NW1 6XE", Country = "GB",
    };

    /// <summary>Registers a new customer and signs the client in as them; answers the e-mail address.</summary>
    public static async Task<string> RegisterAndSignInAsync(this MercatoClient client)
    {
        var email = $"shopper-{Guid.NewGuid():N}@client.test";
        await client.V1.Auth.Register.PostAsync(new RegisterRequest
        {
            Email = email, Password = Password, ConfirmPassword = Password, FirstName = "Ada", LastName = "Lovelace",
        }, cancellationToken: TestContext.Current.CancellationToken);
        await client.SignInAsync(email, Password, TestContext.Current.CancellationToken);
        return email;
    }

    /// <summary>A product of the demo catalog that is on sale and in stock (browsing the first page).</summary>
    public static async Task<ProductSummaryResponse> InStockProductAsync(this MercatoClient client)
    {
        var page = await client.V1.Products.GetAsync(
            c => { c.QueryParameters.InStock = true; c.QueryParameters.PageSize = 20; },
            TestContext.Current.CancellationToken);
        return page!.Data!.Items!.First(p => p.Available == true && p.Stock >= 5);
    }

    /// <summary>Polls the order until it is paid (Ordering hears of the payment through an event).</summary>
    public static async Task<OrderResponse> WaitUntilPaidAsync(this MercatoClient client, Guid orderId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var order = (await client.V1.Orders[orderId].GetAsync(cancellationToken: TestContext.Current.CancellationToken))!.Data!;
            if (order.IsPaid == true || DateTime.UtcNow > deadline)
            {
                return order;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }
}
