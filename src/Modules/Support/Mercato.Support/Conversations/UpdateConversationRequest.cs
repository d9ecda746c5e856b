using System.Text.Json;
using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Support.Conversations;

/// <summary>Body of <c>PATCH /api/v1/support/conversations/{id}</c>: only what is given changes.</summary>
/// <param name="Status"><c>open</c>, <c>pending</c> or <c>closed</c> (a customer may only close).</param>
/// <param name="AssigneeId">Staff only: a staff member's id to assign it to, or <c>null</c> to unassign; absent leaves it.</param>
internal sealed record UpdateConversationRequest(string? Status, JsonElement AssigneeId)
{
    /// <summary>Whether the body names an assignee (or null, to unassign).</summary>
    public bool ChangesAssignee => AssigneeId.ValueKind != JsonValueKind.Undefined;

    /// <summary>The assignee asked for (null to unassign); only when <see cref="ChangesAssignee"/> and valid.</summary>
    public Guid? Assignee => AssigneeId.ValueKind == JsonValueKind.String && AssigneeId.TryGetGuid(out var id) ? id : null;
}

/// <summary>Rules for <see cref="UpdateConversationRequest"/>.</summary>
internal sealed class UpdateConversationRequestValidator : AbstractValidator<UpdateConversationRequest>
{
    /// <summary>Declares the rules.</summary>
    public UpdateConversationRequestValidator()
    {
        RuleFor(r => r.Status).OneOf(ConversationNames.Names).When(r => r.Status is not null);
        RuleFor(r => r.AssigneeId)
            .Must(a => a.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
                || (a.ValueKind == JsonValueKind.String && a.TryGetGuid(out var id) && id != Guid.Empty))
            .WithMessage("'assigneeId' must be a staff member's id, or null to unassign.");
        RuleFor(r => r).Must(r => r.Status is not null || r.ChangesAssignee)
            .OverridePropertyName("status").WithMessage("Give a status, an assigneeId, or both.");
    }
}
