using FluentValidation;

namespace Mercato.Support.Conversations;

/// <summary>Body of <c>POST /api/v1/support/conversations/{id}/messages</c>.</summary>
/// <param name="Body">The message (1-5000 characters).</param>
/// <param name="Internal">Staff only: an internal note the customer never sees (default false). A customer sending <c>true</c> gets 403.</param>
internal sealed record PostMessageRequest(string? Body, bool? Internal);

/// <summary>Rules for <see cref="PostMessageRequest"/>.</summary>
internal sealed class PostMessageRequestValidator : AbstractValidator<PostMessageRequest>
{
    /// <summary>Declares the rules.</summary>
    public PostMessageRequestValidator() => RuleFor(r => r.Body).MessageBody();
}
