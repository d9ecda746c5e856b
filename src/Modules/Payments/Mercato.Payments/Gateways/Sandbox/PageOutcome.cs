namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>What the sandbox's page does after the shopper submits it.</summary>
/// <param name="RedirectTo">Where the browser goes next (the merchant's return URL, or the challenge page), or null to show the page again.</param>
/// <param name="Problems">The form's problems by field, when it is shown again.</param>
/// <param name="Closed">Why the page can no longer be paid (expired, paid, cancelled), when it cannot.</param>
internal sealed record PageOutcome(string? RedirectTo, IReadOnlyDictionary<string, string> Problems, string? Closed);
