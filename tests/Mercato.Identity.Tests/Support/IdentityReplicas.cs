namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Two Identity hosts on one database (and whatever else their settings share, such as a Redis
/// key prefix), as two replicas behind the gateway, with their clocks at one instant.
/// </summary>
/// <typeparam name="TFactory">The kind of host.</typeparam>
public sealed class IdentityReplicas<TFactory> : IAsyncDisposable
    where TFactory : IdentityFactory, new()
{
    /// <summary>Starts both replicas.</summary>
    public IdentityReplicas()
    {
        First = new TFactory();
        Second = SharedStore.WithStoreOf(First);
        // Each fake clock starts at its host's creation; replicas' clocks agree.
        var now = DateTimeOffset.UtcNow.AddSeconds(5);
        First.Clock.SetUtcNow(now);
        Second.Clock.SetUtcNow(now);
        A = First.CreateClient();
        B = Second.CreateClient();
    }

    /// <summary>The replica that owns the data.</summary>
    public TFactory First { get; }

    /// <summary>The other replica.</summary>
    public TFactory Second { get; }

    /// <summary>A client of <see cref="First"/>.</summary>
    public HttpClient A { get; }

    /// <summary>A client of <see cref="Second"/>.</summary>
    public HttpClient B { get; }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        A.Dispose();
        B.Dispose();
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
