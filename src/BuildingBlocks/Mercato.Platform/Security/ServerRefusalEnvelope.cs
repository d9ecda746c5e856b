using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Security;

/// <summary>
/// Kestrel's own refusals of requests it cannot parse (a malformed request line, a NUL in the
/// path, raw or <c>%00</c>, an invalid header) never reach the pipeline: Kestrel answers them with
/// an empty 400 and closes the connection. This gives those answers the error envelope: a
/// connection middleware wraps each plain HTTP/1.x connection's output in a
/// <see cref="ServerRefusalWriter"/>, and a subscription to Kestrel's <c>BadRequest</c> diagnostic
/// event prepares the envelope just before the refusal is written. Other responses pass through
/// untouched; over TLS the bytes are encrypted by then, so those refusals stay as Kestrel writes them.
/// </summary>
internal static class ServerRefusalEnvelope
{
    /// <summary>Adds the connection middleware to every endpoint Kestrel creates.</summary>
    public static void AddTo(KestrelServerOptions kestrel) =>
        kestrel.ConfigureEndpointDefaults(listen => listen.Use(next => connection =>
        {
            var refusal = new ServerRefusal();
            connection.Features.Set(refusal);
            connection.Transport = new Transport(connection.Transport.Input, new ServerRefusalWriter(connection.Transport.Output, refusal));
            return next(connection);
        }));

    /// <summary>Subscribes to Kestrel's <c>BadRequest</c> event while the host runs.</summary>
    public static IServiceCollection AddServerRefusalEnvelope(this IServiceCollection services) =>
        services.AddHostedService<Subscription>();

    private sealed class Transport(PipeReader input, PipeWriter output) : IDuplexPipe
    {
        public PipeReader Input { get; } = input;

        public PipeWriter Output { get; } = output;
    }

    private sealed class Subscription(DiagnosticListener listener, TimeProvider time, IOptions<JsonOptions> json) : IHostedService, IDisposable
    {
        private IDisposable? _subscription;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _subscription = listener.Subscribe(
                new ServerRefusalObserver(time, json.Value.SerializerOptions),
                name => name == ServerRefusalObserver.BadRequestEvent);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            Dispose();
            return Task.CompletedTask;
        }

        public void Dispose()
        {
            _subscription?.Dispose();
            _subscription = null;
        }
    }
}
