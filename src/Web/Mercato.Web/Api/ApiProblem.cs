namespace Mercato.Web.Api;

/// <summary>One entry of the API's error envelope.</summary>
/// <param name="Code">The stable error code.</param>
/// <param name="Message">What went wrong, for a human.</param>
/// <param name="Field">The input at fault, if any.</param>
public sealed record ApiProblem(string Code, string Message, string? Field);
