namespace Mercato.Client.Errors;

/// <summary>One entry of the error envelope's <c>errors</c> list.</summary>
/// <param name="Code">The machine-readable code, e.g. <c>VALIDATION_ERROR</c> or <c>INSUFFICIENT_STOCK</c>.</param>
/// <param name="Message">The human-readable message.</param>
/// <param name="Field">The request field the error is about (e.g. <c>email</c>, <c>shippingAddress.country</c>), or null.</param>
public sealed record MercatoApiError(string Code, string Message, string? Field);
