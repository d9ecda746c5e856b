using Mercato.Platform.Context;

namespace Mercato.Logs.Client;

/// <summary>
/// Marks work whose logs must not be shipped, or shipping would feed itself: the shipper's own
/// deliveries (its HTTP client's logs), the Logs module storing records (EF Core's logs of writing
/// them). Flows with the async context.
/// </summary>
public static class LogShippingScope
{
    private static readonly AmbientFlag Suppressed = new();

    /// <summary>Whether the current work's logs are kept from shipping.</summary>
    public static bool IsSuppressed => Suppressed.IsRaised;

    /// <summary>Keeps the current async flow's logs from shipping until the returned scope is disposed.</summary>
    public static IDisposable Suppress() => Suppressed.Raise();
}
