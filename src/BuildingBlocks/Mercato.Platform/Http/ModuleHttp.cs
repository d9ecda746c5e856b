using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.Extensions.Logging;
using Polly;

namespace Mercato.Platform.Http;

/// <summary>
/// The plumbing every HTTP client of a module shares: sends a call marked idempotent, reads the
/// module's envelopes, and turns "no usable answer" (unreachable, timed out, circuit open, an
/// unexpected status or body) into the module's <see cref="DependencyUnavailableException"/>.
/// </summary>
/// <param name="http">The typed HttpClient (base address, token, correlation id, resilience).</param>
/// <param name="logger">Where failures are logged.</param>
/// <param name="module">The module's name as people read it (e.g. <c>Catalog</c>).</param>
/// <param name="unavailable">Creates the module's exception from a message, the status of the answer (null when none) and the cause.</param>
public sealed partial class ModuleHttp(
    HttpClient http,
    ILogger logger,
    string module,
    Func<string, HttpStatusCode?, Exception?, DependencyUnavailableException> unavailable)
{
    /// <summary>JSON as the modules speak it: camelCase, enums as camelCase strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// Sends one call, marked idempotent (the caller vouches that a repeat is harmless), with
    /// <paramref name="body"/> as JSON when given; <paramref name="prepare"/> may add headers.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string pathAndQuery, object? body, CancellationToken cancellationToken, Action<HttpRequestMessage>? prepare = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(pathAndQuery, UriKind.Relative)).MarkIdempotent();
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        prepare?.Invoke(request);
        var path = request.RequestUri!.OriginalString.Split('?')[0];
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, module, method.Method, path, ex.GetType().Name, ex);
            throw unavailable(
                $"The {module} could not be reached for {method.Method} {path}: {ex.Message}", (ex as HttpRequestException)?.StatusCode, ex);
        }
    }

    /// <summary>The exception for an answer the client does not expect (5xx after the retries, 401, 403, ...).</summary>
    public async Task<DependencyUnavailableException> UnexpectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        LogUnexpected(logger, module, status, path);
        return unavailable($"The {module} answered {status} to {path}: {body[..Math.Min(body.Length, 500)]}", response.StatusCode, null);
    }

    /// <summary>The <c>data</c> of a success envelope.</summary>
    public async Task<T> ReadDataAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync<ApiResponse<T>>(Json, cancellationToken);
            return envelope?.Data ?? throw unavailable($"The {module} answered an envelope without data.", response.StatusCode, null);
        }
        catch (JsonException ex)
        {
            throw unavailable($"The {module} answered a body that is not its envelope.", response.StatusCode, ex);
        }
    }

    /// <summary>An error envelope with at least one error.</summary>
    public async Task<ErrorResponse> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<ErrorResponse>(Json, cancellationToken);
            return error is { Errors.Count: > 0 }
                ? error
                : throw unavailable($"The {module} answered an error envelope without errors.", response.StatusCode, null);
        }
        catch (JsonException ex)
        {
            throw unavailable($"The {module} answered {(int)response.StatusCode} with a body that is not its error envelope.", response.StatusCode, ex);
        }
    }

    /// <summary>An error envelope in one line: its message and each error (with its field).</summary>
    public static string Describe(ErrorResponse error)
        => error.Message + ": " + string.Join("; ", error.Errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"));

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "{Module} call {Method} {Path} failed without an answer ({Failure})")]
    private static partial void LogUnreachable(ILogger logger, string module, string method, string path, string failure, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "{Module} answered {Status} to {Path}, which the client does not expect")]
    private static partial void LogUnexpected(ILogger logger, string module, int status, string? path);
}
