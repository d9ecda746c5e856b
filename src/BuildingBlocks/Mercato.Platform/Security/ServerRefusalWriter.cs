using System.Buffers;
using System.IO.Pipelines;
using System.Text;

namespace Mercato.Platform.Security;

/// <summary>
/// The output of an HTTP/1.x connection. Everything passes straight through, except while a
/// <see cref="ServerRefusal"/> is pending: then the bytes up to the next flush (Kestrel's bodiless
/// refusal: a status line and headers ending in <c>Content-Length: 0</c>) are held, and if they are
/// exactly such a response they are written with the prepared envelope as their body; anything else
/// is written unchanged.
/// </summary>
internal sealed class ServerRefusalWriter(PipeWriter inner, ServerRefusal refusal) : PipeWriter
{
    private static readonly byte[] EmptyLength = "\r\nContent-Length: 0\r\n"u8.ToArray();
    private static readonly byte[] ContentType = "\r\nContent-Type:"u8.ToArray();
    private static readonly byte[] HeadersEnd = "\r\n\r\n"u8.ToArray();

    private ArrayBufferWriter<byte>? _held;
    private bool _leasedHeld;

    /// <inheritdoc />
    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    /// <inheritdoc />
    public override long UnflushedBytes => inner.UnflushedBytes + (_held?.WrittenCount ?? 0);

    /// <inheritdoc />
    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        _leasedHeld = refusal.Pending;
        return _leasedHeld ? Held().GetMemory(sizeHint) : inner.GetMemory(sizeHint);
    }

    /// <inheritdoc />
    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        _leasedHeld = refusal.Pending;
        return _leasedHeld ? Held().GetSpan(sizeHint) : inner.GetSpan(sizeHint);
    }

    /// <inheritdoc />
    public override void Advance(int bytes)
    {
        if (_leasedHeld)
        {
            Held().Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    /// <inheritdoc />
    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Release();
        return inner.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    /// <inheritdoc />
    public override void Complete(Exception? exception = null)
    {
        Release();
        inner.Complete(exception);
    }

    /// <inheritdoc />
    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        return inner.CompleteAsync(exception);
    }

    private ArrayBufferWriter<byte> Held() => _held ??= new ArrayBufferWriter<byte>(256);

    /// <summary>Writes what was held, as the envelope when it is Kestrel's bodiless refusal.</summary>
    private void Release()
    {
        if (_held is not { WrittenCount: > 0 } held)
        {
            return;
        }

        var envelope = refusal.Take();
        var written = held.WrittenSpan;
        if (envelope is not null && IsBodilessError(written))
        {
            var headers = written[..(written.Length - HeadersEnd.Length)];
            var lengthAt = headers.IndexOf(EmptyLength.AsSpan(0, EmptyLength.Length - 2));
            inner.Write(headers[..lengthAt]);
            inner.Write(Encoding.ASCII.GetBytes($"\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {envelope.Length}"));
            inner.Write(headers[(lengthAt + EmptyLength.Length - 2)..]);
            inner.Write(HeadersEnd);
            inner.Write(envelope);
        }
        else
        {
            inner.Write(written);
        }

        held.Clear();
        _leasedHeld = false;
    }

    /// <summary>An HTTP/1.x 4xx or 5xx status line and headers with <c>Content-Length: 0</c>, no content type and nothing after them.</summary>
    private static bool IsBodilessError(ReadOnlySpan<byte> response) =>
        response.Length > 13
        && (response.StartsWith("HTTP/1.1 "u8) || response.StartsWith("HTTP/1.0 "u8))
        && response[9] is (byte)'4' or (byte)'5'
        && response.IndexOf(HeadersEnd) == response.Length - HeadersEnd.Length
        && response.IndexOf(EmptyLength) > 0
        && response.IndexOf(ContentType) < 0;
}
