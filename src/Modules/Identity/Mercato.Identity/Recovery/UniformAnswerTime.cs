using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Recovery;

/// <summary>
/// Gives the endpoints that must not tell whether an address has an account (forgot-password,
/// code requests, verification resends) one answer time: a successful answer is held until
/// <c>Identity:PasswordReset:MinimumAnswerTime</c> has passed since the request began, so an
/// account's extra write (its secret and its event) does not show in the timing. Measured on the
/// real clock: it is about what a caller observes.
/// </summary>
internal static class UniformAnswerTime
{
    /// <summary>Holds this endpoint's successful answers to the configured minimum time.</summary>
    public static TBuilder WithUniformAnswerTime<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
        => builder.AddEndpointFilter<TBuilder, Filter>();

    private sealed class Filter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is IStatusCodeHttpResult { StatusCode: StatusCodes.Status200OK })
            {
                var minimum = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentitySettings>>().Value.PasswordReset.MinimumAnswerTime;
                var remaining = minimum - Stopwatch.GetElapsedTime(started);
                if (remaining > TimeSpan.Zero)
                {
                    await Task.Delay(remaining, context.HttpContext.RequestAborted);
                }
            }

            return result;
        }
    }
}
