using Mercato.Messaging.Transport;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Mercato.Messaging.RabbitMq;

/// <summary>
/// One long-lived connection to the broker, opened on first use. The client library recovers
/// it (and the channels, exchanges, queues, bindings and consumers declared on it) after a
/// network failure; until the first open succeeds, every use tries to open it again, so a
/// process starts and serves HTTP while the broker is still down.
/// </summary>
internal sealed partial class RabbitMqConnection(IConnectionFactory factory, string name, ILogger logger) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;
    private bool _disposed;

    /// <summary>Whether the connection is open now (false before the first open and while recovering).</summary>
    public bool IsOpen => _connection?.IsOpen == true;

    /// <summary>
    /// The open connection, opening it if it never was.
    /// </summary>
    /// <exception cref="TransportUnavailableException">The broker cannot be reached, or the connection is recovering.</exception>
    public async Task<IConnection> GetOpenAsync(CancellationToken cancellationToken)
    {
        var connection = _connection ?? await OpenAsync(cancellationToken);
        return connection.IsOpen
            ? connection
            : throw new TransportUnavailableException($"The RabbitMQ connection '{name}' is down and recovering.");
    }

    private async Task<IConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_connection is { } existing)
            {
                return existing;
            }

            IConnection connection;
            try
            {
                connection = await factory.CreateConnectionAsync(name, cancellationToken);
            }
            catch (BrokerUnreachableException ex)
            {
                throw new TransportUnavailableException($"RabbitMQ is unreachable: {ex.InnerException?.Message ?? ex.Message}", ex);
            }

            connection.ConnectionShutdownAsync += OnShutdownAsync;
            connection.RecoverySucceededAsync += OnRecoveredAsync;
            LogOpened(logger, name, connection.Endpoint);
            _connection = connection;
            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Task OnShutdownAsync(object sender, ShutdownEventArgs args)
    {
        if (args.Initiator != ShutdownInitiator.Application)
        {
            LogLost(logger, name, args.ReplyText);
        }

        return Task.CompletedTask;
    }

    private Task OnRecoveredAsync(object sender, AsyncEventArgs args)
    {
        LogRecovered(logger, name);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            if (_connection is { } connection)
            {
                _connection = null;
                try
                {
                    await connection.CloseAsync(TimeSpan.FromSeconds(5));
                }
                catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException)
                {
                    // Lost (or recovering) already; nothing to close.
                }

                await connection.DisposeAsync();
                LogClosed(logger, name);
            }
        }
        finally
        {
            _gate.Release();
        }

        _gate.Dispose();
    }

    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "RabbitMQ connection {Name} opened to {Endpoint}")]
    private static partial void LogOpened(ILogger logger, string name, AmqpTcpEndpoint endpoint);

    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "RabbitMQ connection {Name} lost ({Reason}); recovering")]
    private static partial void LogLost(ILogger logger, string name, string reason);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Information, Message = "RabbitMQ connection {Name} recovered")]
    private static partial void LogRecovered(ILogger logger, string name);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "RabbitMQ connection {Name} closed")]
    private static partial void LogClosed(ILogger logger, string name);
}
