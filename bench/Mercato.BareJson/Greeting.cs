namespace Mercato.BareJson;

/// <summary>The body of the bare endpoint (the TechEmpower JSON test's shape).</summary>
/// <param name="Message">The greeting.</param>
internal sealed record Greeting(string Message);
