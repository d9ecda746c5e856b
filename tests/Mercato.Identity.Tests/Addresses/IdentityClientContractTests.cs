using System.Net;
using System.Text.Json;
using Mercato.Identity.Addresses;
using Mercato.Identity.Client;
using Mercato.Identity.Contracts;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Identity.Tests.Addresses;

/// <summary>
/// What every <see cref="IIdentityClient"/> promises, run against the in-process client (Ordering
/// co-hosted with Identity) and the HTTP client (Ordering in another process, calling the real
/// service endpoint with a real <c>identity.addresses</c> token), each on SQLite and PostgreSQL: a
/// user's own address, and null for another user's or an unknown one.
/// </summary>
public abstract class IdentityClientContractTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : AccountsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>The host of the module that calls Identity.</summary>
    protected abstract IServiceProvider Consumer { get; }

    /// <summary>The implementation the consumer is expected to get.</summary>
    protected abstract Type ExpectedImplementation { get; }

    /// <summary>Identity's host.</summary>
    protected TFactory Factory => factory;

    [Fact]
    public async Task The_consumer_gets_the_expected_implementation()
    {
        await using var scope = Consumer.CreateAsyncScope();
        Assert.IsType(ExpectedImplementation, scope.ServiceProvider.GetRequiredService<IIdentityClient>());
    }

    [Fact]
    public async Task A_user_s_address_reads_as_the_service_endpoint_gives_it_and_no_one_else_s_does()
    {
        var owner = await _client.SignUpAsync("clientowner");
        var other = await _client.SignUpAsync("clientother");
        var saved = await _client.AddAddressAsync(owner.AccessToken, AccountsApi.AddressBody());
        var id = saved.GetProperty("id").GetGuid();
        var cancel = TestContext.Current.CancellationToken;

        var address = await WithClientAsync(c => c.GetAddressAsync(owner.UserId, id, cancel));

        Assert.NotNull(address);
        Assert.Equal(
            new AddressDetails(id, owner.UserId, "Grace", "Hopper", "Navy", "456 Oak Ave", "Suite 9", "Los Angeles", "CA", "90001", "USA", "+14155550123"),
            address);
        using var response = await _client.SendAsync(HttpMethod.Get, IdentityHttpClient.AddressPath(owner.UserId, id), await _client.OrdersTokenAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(address, (await response.ReadJsonAsync()).GetProperty("data").Deserialize<AddressDetails>(Envelope.Json));

        Assert.Null(await WithClientAsync(c => c.GetAddressAsync(other.UserId, id, cancel)));
        Assert.Null(await WithClientAsync(c => c.GetAddressAsync(owner.UserId, Guid.CreateVersion7(), cancel)));
    }

    [Fact]
    public async Task The_service_endpoint_wants_the_identity_addresses_scope()
    {
        var owner = await _client.SignUpAsync("scope");
        var id = (await _client.AddAddressAsync(owner.AccessToken, AccountsApi.AddressBody())).GetProperty("id").GetGuid();
        var url = IdentityHttpClient.AddressPath(owner.UserId, id);
        var reports = await _client.ServiceTokenAsync(AccountsFactory.ReportsId, AccountsFactory.ReportsSecret);

        using var anonymous = await _client.SendAsync(HttpMethod.Get, url, null);
        using var asOwner = await _client.SendAsync(HttpMethod.Get, url, owner.AccessToken);
        using var withoutScope = await _client.SendAsync(HttpMethod.Get, url, reports);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["FORBIDDEN"], (await asOwner.ReadErrorAsync()).ErrorCodes());
        Assert.Equal(HttpStatusCode.Forbidden, withoutScope.StatusCode);
    }

    private async Task<T> WithClientAsync<T>(Func<IIdentityClient, Task<T>> call)
    {
        await using var scope = Consumer.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<IIdentityClient>());
    }
}

/// <summary>The in-process client, as Ordering gets it when Identity is co-hosted.</summary>
public abstract class InProcessIdentityClientContractTests<TFactory>(TFactory factory) : IdentityClientContractTests<TFactory>(factory)
    where TFactory : AccountsFactory
{
    /// <inheritdoc />
    protected override IServiceProvider Consumer => Factory.Services;

    /// <inheritdoc />
    protected override Type ExpectedImplementation => typeof(InProcessIdentityClient);
}

/// <summary>The HTTP client, as Ordering gets it in another process, with the <c>orders</c> client's token.</summary>
public abstract class HttpIdentityClientContractTests<TFactory>(TFactory factory) : IdentityClientContractTests<TFactory>(factory), IAsyncDisposable
    where TFactory : AccountsFactory
{
    private readonly ModuleClientConsumer _consumer = new(
        factory.Server, IdentityClientOptions.Section, IdentityClientSetup.HttpClientName, b => b.AddIdentityClient(IdentityScopes.Addresses),
        ServiceClients.OrdersId, ServiceClients.OrdersSecret);

    /// <inheritdoc />
    protected override IServiceProvider Consumer => _consumer.Services;

    /// <inheritdoc />
    protected override Type ExpectedImplementation => typeof(IdentityHttpClient);

    /// <summary>A consumer whose token lacks <c>identity.addresses</c> gets <see cref="IdentityUnavailableException"/>, not a silent null.</summary>
    [Fact]
    public async Task A_token_without_the_scope_is_an_IdentityUnavailableException()
    {
        await using var reports = new ModuleClientConsumer(
            Factory.Server, IdentityClientOptions.Section, IdentityClientSetup.HttpClientName, b => b.AddIdentityClient(IdentityScopes.Addresses),
            AccountsFactory.ReportsId, AccountsFactory.ReportsSecret);
        await using var scope = reports.Services.CreateAsyncScope();
        var client = scope.ServiceProvider.GetRequiredService<IIdentityClient>();

        var failure = await Assert.ThrowsAsync<IdentityUnavailableException>(
            () => client.GetAddressAsync(Guid.CreateVersion7(), Guid.CreateVersion7(), TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.Forbidden, failure.StatusCode);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _consumer.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

/// <summary>In process, on SQLite.</summary>
public sealed class SqliteInProcessIdentityClientTests(AccountsFactory factory) : InProcessIdentityClientContractTests<AccountsFactory>(factory);

/// <summary>In process, on PostgreSQL.</summary>
public sealed class PostgresInProcessIdentityClientTests(PostgresAccountsFactory factory) : InProcessIdentityClientContractTests<PostgresAccountsFactory>(factory);

/// <summary>Over HTTP, on SQLite.</summary>
public sealed class SqliteHttpIdentityClientTests(AccountsFactory factory) : HttpIdentityClientContractTests<AccountsFactory>(factory);

/// <summary>Over HTTP, on PostgreSQL.</summary>
public sealed class PostgresHttpIdentityClientTests(PostgresAccountsFactory factory) : HttpIdentityClientContractTests<PostgresAccountsFactory>(factory);
