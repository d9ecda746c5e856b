using System.Reflection;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> support for a module's endpoints: register it once per DbContext with
/// <see cref="AddIdempotency{TContext}"/>, map the table with <c>AddIdempotencyTables()</c>, and
/// put <see cref="WithIdempotency{TContext}"/> on each endpoint that creates something.
/// </summary>
public static class IdempotencySetup
{
    /// <summary>
    /// Registers the idempotency store and the expiry sweep for <typeparamref name="TContext"/>,
    /// configured by the <c>Idempotency</c> section (<see cref="IdempotencyOptions"/>).
    /// </summary>
    public static IHostApplicationBuilder AddIdempotency<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        var services = builder.Services;
        services.AddValidatedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IdempotencyStore<TContext>>();
        services.TryAddSingleton<IdempotencyFilter<TContext>>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, IdempotencySweeper<TContext>>());
        return builder;
    }

    /// <summary>
    /// Makes the endpoint idempotent per caller with the <c>Idempotency-Key</c> header, storing
    /// responses in <typeparamref name="TContext"/>'s database. With <paramref name="required"/>
    /// a request without the header is refused with 400 <c>REQUIRED_FIELD</c>; otherwise it
    /// simply runs. The handler must return an <see cref="IResult"/> (TypedResults).
    /// </summary>
    public static RouteHandlerBuilder WithIdempotency<TContext>(this RouteHandlerBuilder builder, bool required = false)
        where TContext : DbContext
    {
        var metadata = new IdempotencyMetadata(required);
        builder.WithMetadata(metadata);
        builder.AddEndpointFilterFactory((context, next) =>
        {
            EnsureReturnsResult(context.MethodInfo);
            var filter = context.ApplicationServices.GetService<IdempotencyFilter<TContext>>()
                ?? throw new InvalidOperationException(
                    $"WithIdempotency<{typeof(TContext).Name}>() needs builder.AddIdempotency<{typeof(TContext).Name}>() in the module's Add method.");
            return invocation => filter.InvokeAsync(invocation, next, metadata);
        });
        builder.AddOpenApiOperationTransformer((operation, context, _) => IdempotencyOpenApi.DescribeAsync(operation, context, required));
        return builder;
    }

    /// <summary>Adds the middleware that buffers idempotent requests' bodies (part of <c>UseMercatoPlatform</c>).</summary>
    public static IApplicationBuilder UseIdempotencyBuffering(this IApplicationBuilder app) =>
        app.UseMiddleware<IdempotencyBufferingMiddleware>();

    private static void EnsureReturnsResult(MethodInfo method)
    {
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            type = type.GetGenericArguments()[0];
        }

        if (!typeof(IResult).IsAssignableFrom(type))
        {
            throw new InvalidOperationException(
                $"{method.DeclaringType?.Name}.{method.Name} returns {method.ReturnType.Name}: idempotent endpoints must return an IResult (TypedResults).");
        }
    }
}
