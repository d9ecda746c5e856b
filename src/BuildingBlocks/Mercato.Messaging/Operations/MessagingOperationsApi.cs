using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Messaging.Operations;

/// <summary>
/// The operator's runbook endpoints of one module, under <c>/api/v1/operations/{module}</c>
/// (a prefix each module's descriptor owns, so the gateway routes it to the service hosting the
/// module): its parked outbox rows (list, replay one or all, discard one) and its RabbitMQ
/// dead-letter queue (peek, replay one or all, discard one). Administrators, or a service token
/// with <see cref="Scope"/>. On the in-process transport the dead-letter endpoints answer 404
/// saying there is no dead-letter queue (failed copies are parked in the consumer queue).
/// </summary>
public static class MessagingOperationsApi
{
    /// <summary>The scope a service token needs to use these endpoints.</summary>
    public const string Scope = "operations.messaging";

    /// <summary>The most dead-lettered messages one peek reads from the head of the queue (page number × page size).</summary>
    public const int MaxPeekDepth = 1000;

    /// <summary>The path prefix of a module's operations endpoints, e.g. <c>/api/v1/operations/catalog</c>.</summary>
    public static string RoutePrefix(string module) => "/api/v1/operations/" + module;

    /// <summary>Maps the operations endpoints of <paramref name="module"/>.</summary>
    public static IEndpointRouteBuilder MapMessagingOperations(this IEndpointRouteBuilder endpoints, string module)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        var name = char.ToUpperInvariant(module[0]) + module[1..];
        // Operational state changes by the second: no response is cached anywhere.
        var group = endpoints.MapGroup(RoutePrefix(module)).WithTags("Operations").WithNoStore().RequireAdminOrScope(Scope);

        var outbox = group.MapGroup("/outbox/parked");
        outbox.MapGet(string.Empty, (int? pageNumber, int? pageSize, HttpContext http, CancellationToken ct) => ListParkedAsync(module, pageNumber, pageSize, http, ct))
            .WithName($"List{name}ParkedOutboxMessages")
            .WithSummary($"Parked outbox rows of {module} (events the relay gave up publishing), oldest first, paged (administrators)");
        outbox.MapPost("/replay", (HttpContext http, CancellationToken ct) => ReplayAllParkedAsync(module, http, ct))
            .WithName($"Replay{name}ParkedOutboxMessages")
            .WithSummary($"Un-parks every parked outbox row of {module}: attempts reset, the relay publishes them again (administrators)");
        outbox.MapPost("/{id:guid}/replay", (Guid id, HttpContext http, CancellationToken ct) => ReplayParkedAsync(module, id, http, ct))
            .WithName($"Replay{name}ParkedOutboxMessage")
            .WithSummary($"Un-parks one parked outbox row of {module} (administrators)");
        outbox.MapDelete("/{id:guid}", (Guid id, HttpContext http, CancellationToken ct) => DiscardParkedAsync(module, id, http, ct))
            .WithName($"Discard{name}ParkedOutboxMessage")
            .WithSummary($"Deletes one parked outbox row of {module}, audited (administrators)");

        var deadLetters = group.MapGroup("/dead-letters");
        deadLetters.MapGet(string.Empty, (int? pageNumber, int? pageSize, HttpContext http, CancellationToken ct) => PeekDeadLettersAsync(module, pageNumber, pageSize, http, ct))
            .WithName($"List{name}DeadLetters")
            .WithSummary($"Messages in the RabbitMQ dead-letter queue of {module}, from its head, left in place; 404 on the in-process transport, which has none (administrators)")
            .WithMetadata(Platform.OpenApi.NotFoundResponseMetadata.Instance);
        deadLetters.MapPost("/replay", (HttpContext http, CancellationToken ct) => ReplayDeadLettersAsync(module, null, http, ct))
            .WithName($"Replay{name}DeadLetters")
            .WithSummary($"Moves every dead-lettered message of {module} back to its queue; 404 on the in-process transport, which has none (administrators)")
            .WithMetadata(Platform.OpenApi.NotFoundResponseMetadata.Instance);
        deadLetters.MapPost("/{messageId:guid}/replay", (Guid messageId, HttpContext http, CancellationToken ct) => ReplayDeadLettersAsync(module, messageId.ToString(), http, ct))
            .WithName($"Replay{name}DeadLetter")
            .WithSummary($"Moves one dead-lettered message of {module} (by message id) back to its queue (administrators)");
        deadLetters.MapDelete("/{messageId:guid}", (Guid messageId, HttpContext http, CancellationToken ct) => DiscardDeadLetterAsync(module, messageId.ToString(), http, ct))
            .WithName($"Discard{name}DeadLetter")
            .WithSummary($"Removes one dead-lettered message of {module} (by message id) (administrators)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<ParkedOutboxMessageResponse>>>, ApiErrorResult>> ListParkedAsync(
        string module, int? pageNumber, int? pageSize, HttpContext http, CancellationToken cancellationToken)
    {
        if (Paging(pageNumber, pageSize) is { } invalid)
        {
            return invalid;
        }

        if (OutboxOf(module, http) is not { } outbox)
        {
            return NoOutbox(module);
        }

        return ApiResults.Ok(await outbox.ListAsync(pageNumber ?? 1, pageSize ?? PageRules.DefaultPageSize, cancellationToken));
    }

    private static async Task<Results<Ok<ApiResponse<OperationResponse>>, ApiErrorResult>> ReplayAllParkedAsync(
        string module, HttpContext http, CancellationToken cancellationToken) =>
        OutboxOf(module, http) is { } outbox
            ? ApiResults.Ok(new OperationResponse(await outbox.ReplayAllAsync(cancellationToken)), "Parked rows replayed")
            : NoOutbox(module);

    private static async Task<Results<Ok<ApiResponse<OperationResponse>>, ApiErrorResult>> ReplayParkedAsync(
        string module, Guid id, HttpContext http, CancellationToken cancellationToken)
    {
        if (OutboxOf(module, http) is not { } outbox)
        {
            return NoOutbox(module);
        }

        return await outbox.ReplayAsync(id, cancellationToken)
            ? ApiResults.Ok(new OperationResponse(1), "Parked row replayed")
            : ApiResults.NotFound("No parked outbox row has this id");
    }

    private static async Task<Results<Ok<ApiResponse<OperationResponse>>, ApiErrorResult>> DiscardParkedAsync(
        string module, Guid id, HttpContext http, CancellationToken cancellationToken)
    {
        if (OutboxOf(module, http) is not { } outbox)
        {
            return NoOutbox(module);
        }

        return await outbox.DiscardAsync(id, cancellationToken)
            ? ApiResults.Ok(new OperationResponse(1), "Parked row discarded")
            : ApiResults.NotFound("No parked outbox row has this id");
    }

    private static async Task<Results<Ok<ApiResponse<PagedResult<DeadLetterResponse>>>, ApiErrorResult>> PeekDeadLettersAsync(
        string module, int? pageNumber, int? pageSize, HttpContext http, CancellationToken cancellationToken)
    {
        if (Paging(pageNumber, pageSize) is { } invalid)
        {
            return invalid;
        }

        var number = pageNumber ?? 1;
        var size = pageSize ?? PageRules.DefaultPageSize;
        if ((long)number * size > MaxPeekDepth)
        {
            return ApiResults.BadRequest("pageNumber", $"pageNumber × pageSize must be at most {MaxPeekDepth}: the dead-letter queue is read from its head");
        }

        if (DeadLettersOf(module, http) is not { } queues)
        {
            return NoDeadLetterQueue(module, http);
        }

        return ApiResults.Ok(await queues.PeekAsync(module, number, size, cancellationToken));
    }

    private static async Task<Results<Ok<ApiResponse<OperationResponse>>, ApiErrorResult>> ReplayDeadLettersAsync(
        string module, string? messageId, HttpContext http, CancellationToken cancellationToken)
    {
        if (DeadLettersOf(module, http) is not { } queues)
        {
            return NoDeadLetterQueue(module, http);
        }

        var count = await queues.ReplayAsync(module, messageId, cancellationToken);
        return messageId is not null && count == 0
            ? ApiResults.NotFound("No dead-lettered message has this id")
            : ApiResults.Ok(new OperationResponse(count), "Dead-lettered messages replayed");
    }

    private static async Task<Results<Ok<ApiResponse<OperationResponse>>, ApiErrorResult>> DiscardDeadLetterAsync(
        string module, string messageId, HttpContext http, CancellationToken cancellationToken)
    {
        if (DeadLettersOf(module, http) is not { } queues)
        {
            return NoDeadLetterQueue(module, http);
        }

        return await queues.DiscardAsync(module, messageId, cancellationToken) > 0
            ? ApiResults.Ok(new OperationResponse(1), "Dead-lettered message discarded")
            : ApiResults.NotFound("No dead-lettered message has this id");
    }

    private static ApiErrorResult? Paging(int? pageNumber, int? pageSize)
    {
        var errors = new List<ApiError>();
        PageRules.Check(pageNumber, pageSize, errors);
        return errors.Count > 0 ? ApiResults.Validation(errors) : null;
    }

    private static ParkedOutbox? OutboxOf(string module, HttpContext http) =>
        http.RequestServices.GetKeyedService<ParkedOutbox>(module);

    private static IDeadLetterQueues? DeadLettersOf(string module, HttpContext http) =>
        http.RequestServices.GetService<IDeadLetterQueues>() is { } queues && queues.Consumes(module) ? queues : null;

    private static ApiErrorResult NoOutbox(string module) => ApiResults.NotFound($"The {module} module publishes no events here, so it has no outbox");

    private static ApiErrorResult NoDeadLetterQueue(string module, HttpContext http) =>
        ApiResults.NotFound(http.RequestServices.GetService<IDeadLetterQueues>() is null
            ? "No dead-letter queue: this process uses the in-process transport (Messaging:Transport=inprocess), which parks failed deliveries in the consumer queue instead (see /health/ready)"
            : $"No dead-letter queue: the {module} module consumes no events");
}
