using Mercato.CheckoutBench;

CheckoutOptions options;
try
{
    options = CheckoutOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Shoppers + 4, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var http = new HttpClient(handler) { BaseAddress = options.Server, Timeout = TimeSpan.FromSeconds(60) };
var result = await new CheckoutRun(options, new ShopClient(http)).RunAsync();
Console.Write(result.Format());
// 3: stock oversold or an order lost; 4: the money does not add up.
return !result.Consistent ? 3 : result.Money is { AddsUp: false } ? 4 : 0;
