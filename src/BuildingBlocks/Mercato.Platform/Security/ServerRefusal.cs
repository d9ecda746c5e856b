namespace Mercato.Platform.Security;

/// <summary>
/// A connection's pending refusal: set (as a connection feature) when Kestrel has rejected a
/// request it could not parse and is about to answer it with a bodiless error; the connection's
/// <see cref="ServerRefusalWriter"/> gives that answer this envelope instead.
/// </summary>
internal sealed class ServerRefusal
{
    private volatile byte[]? _envelope;

    /// <summary>Whether a refusal is about to be written.</summary>
    public bool Pending => _envelope is not null;

    /// <summary>Marks the next response on the connection as Kestrel's refusal, answered with <paramref name="envelope"/> (UTF-8 JSON).</summary>
    public void Prepare(byte[] envelope) => _envelope = envelope;

    /// <summary>The prepared envelope, once; null when none is pending.</summary>
    public byte[]? Take() => Interlocked.Exchange(ref _envelope, null);
}
