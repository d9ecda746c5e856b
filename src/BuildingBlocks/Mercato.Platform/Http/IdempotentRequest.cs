namespace Mercato.Platform.Http;

/// <summary>
/// Which outgoing requests may be sent again after a transient failure: safe and idempotent HTTP
/// methods, and requests the caller marks idempotent because the callee makes repeats harmless
/// (for example a reservation keyed by its order id).
/// </summary>
public static class IdempotentRequest
{
    private static readonly HttpRequestOptionsKey<bool> Key = new("Mercato.Idempotent");

    /// <summary>Marks a request (typically a POST) as safe to repeat; returns it.</summary>
    public static HttpRequestMessage MarkIdempotent(this HttpRequestMessage request)
    {
        request.Options.Set(Key, true);
        return request;
    }

    /// <summary>Whether sending <paramref name="request"/> twice has the effect of sending it once.</summary>
    public static bool IsIdempotent(this HttpRequestMessage request)
        => request.Method == HttpMethod.Get
            || request.Method == HttpMethod.Head
            || request.Method == HttpMethod.Options
            || request.Method == HttpMethod.Put
            || request.Method == HttpMethod.Delete
            || (request.Options.TryGetValue(Key, out var marked) && marked);
}
