namespace Mercato.Web.Api;

/// <summary>Seed 004's envelope as the UI reads it, in one pass over the answer's bytes.</summary>
/// <typeparam name="T">The type of <c>data</c>.</typeparam>
/// <param name="Data">The data (success).</param>
/// <param name="Message">The message.</param>
/// <param name="Errors">The errors (failure).</param>
internal sealed record ApiEnvelope<T>(T? Data, string? Message, List<ApiProblem>? Errors);
