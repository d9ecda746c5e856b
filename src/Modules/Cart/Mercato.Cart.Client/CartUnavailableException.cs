using System.Net;
using Mercato.Cart.Contracts;
using Mercato.Platform.Errors;

namespace Mercato.Cart.Client;

/// <summary>
/// The Cart, called over HTTP, gave no usable answer: it could not be reached, it answered 5xx or
/// timed out on every attempt, its circuit is open after repeated failures, it refused this
/// service's token (401, or 403 without <see cref="CartScopes.Checkout"/>), or it answered
/// something the client does not understand. The in-process client never throws it. Every Cart
/// call is idempotent (a redemption per order id), so the caller may simply try again later.
/// </summary>
public sealed class CartUnavailableException : DependencyUnavailableException
{
    /// <summary>Creates the exception.</summary>
    public CartUnavailableException()
        : base("Cart", "The Cart is unavailable.", null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CartUnavailableException(string message)
        : base("Cart", message, null)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public CartUnavailableException(string message, Exception innerException)
        : base("Cart", message, innerException)
    {
    }

    /// <summary>Creates the exception for an answer with <paramref name="statusCode"/>, or for no answer (null).</summary>
    public CartUnavailableException(string message, HttpStatusCode? statusCode, Exception? innerException = null)
        : base("Cart", message, statusCode, innerException)
    {
    }
}
