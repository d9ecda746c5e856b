using Mercato.Platform.Context;
using Mercato.Platform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Mercato.Platform.Http;

/// <summary>Resilience for a module's client of another service.</summary>
public static class ServiceCallResilience
{
    private static readonly AmbientFlag RetriesOff = new();

    /// <summary>
    /// Adds the standard pipeline (total timeout, retry with backoff, circuit breaker, attempt
    /// timeout) tuned by <paramref name="section"/> when it exists (<see cref="HttpStandardResilienceOptions"/>'s
    /// shape, e.g. <c>AttemptTimeout:Timeout</c>, <c>Retry:MaxRetryAttempts</c>). Transient
    /// failures are retried only for requests that are <see cref="IdempotentRequest.IsIdempotent"/>;
    /// any other request is sent once, and so is every request sent inside <see cref="WithoutRetries"/>.
    /// </summary>
    public static IHttpStandardResiliencePipelineBuilder AddServiceCallResilience(this IHttpClientBuilder builder, IConfigurationSection section)
    {
        var pipeline = builder.AddStandardResilienceHandler();
        // Its options are validated at start under the pipeline's name; a failure names the setting instead.
        ConfigurationErrors.NameSection($"{builder.Name}-standard", section.Path);
        if (section.Exists())
        {
            pipeline.Configure(section);
        }

        pipeline.Configure(options =>
        {
            var transient = options.Retry.ShouldHandle;
            options.Retry.ShouldHandle = args =>
                !RetriesOff.IsRaised && args.Context.GetRequestMessage() is { } request && request.IsIdempotent() ? transient(args) : ValueTask.FromResult(false);
        });
        return pipeline;
    }

    /// <summary>
    /// Sends the service calls of the current async flow once, without the pipeline's retries, until
    /// the returned scope is disposed: for a last attempt that has no time to wait, such as the final
    /// log flush of a stopping host whose Logs service may already be gone.
    /// </summary>
    public static IDisposable WithoutRetries() => RetriesOff.Raise();
}
