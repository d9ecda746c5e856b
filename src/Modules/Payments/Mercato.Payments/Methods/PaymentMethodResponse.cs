namespace Mercato.Payments.Methods;

/// <summary>A saved card as the API answers it (seed 004's shape).</summary>
/// <param name="Id">The method.</param>
/// <param name="Type"><c>card</c>.</param>
/// <param name="Last4">Last four digits.</param>
/// <param name="Brand">Brand.</param>
/// <param name="ExpiryMonth">Expiry month.</param>
/// <param name="ExpiryYear">Expiry year.</param>
/// <param name="IsDefault">Whether it is the default.</param>
/// <param name="Gateway">The gateway that holds it.</param>
/// <param name="CreatedAt">Saved (UTC).</param>
internal sealed record PaymentMethodResponse(Guid Id, string Type, string Last4, string Brand, int ExpiryMonth, int ExpiryYear, bool IsDefault, string Gateway, DateTime CreatedAt)
{
    /// <summary>Maps a method.</summary>
    public static PaymentMethodResponse From(PaymentMethod method) => new(
        method.Id, method.Type, method.Last4, method.Brand, method.ExpiryMonth, method.ExpiryYear, method.IsDefault, method.Gateway, method.CreatedAt);
}
