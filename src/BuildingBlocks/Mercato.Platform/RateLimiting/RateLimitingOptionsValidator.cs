using Microsoft.Extensions.Options;

namespace Mercato.Platform.RateLimiting;

/// <summary>Refuses to start with rate-limit settings that cannot work, naming every problem.</summary>
internal sealed class RateLimitingOptionsValidator : IValidateOptions<RateLimitingOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitingOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
