using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;

namespace Mercato.Cart.Carts;

/// <summary>What a cart write answers when it kept losing races to other writes to the same cart.</summary>
internal static class CartConflicts
{
    /// <summary>The explanation.</summary>
    public const string Message = "The cart was changed by another request at the same time; try again";

    /// <summary>409 CONFLICT.</summary>
    public static ApiErrorResult Conflict() => ApiResults.Conflict(ErrorCodes.Conflict, Message);
}
