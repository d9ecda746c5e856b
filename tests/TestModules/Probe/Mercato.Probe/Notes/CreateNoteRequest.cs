using FluentValidation;

namespace Mercato.Probe.Notes;

/// <summary>Body of <c>POST /api/v1/probe/notes</c>.</summary>
/// <param name="Text">1-200 characters.</param>
/// <param name="Priority">1-5.</param>
/// <param name="Email">Optional contact e-mail.</param>
public sealed record CreateNoteRequest(string? Text, int Priority, string? Email);

/// <summary>Rules for <see cref="CreateNoteRequest"/>.</summary>
public sealed class CreateNoteRequestValidator : AbstractValidator<CreateNoteRequest>
{
    /// <summary>Declares the rules.</summary>
    public CreateNoteRequestValidator()
    {
        RuleFor(r => r.Text).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Priority).InclusiveBetween(1, 5);
        RuleFor(r => r.Email).EmailAddress().When(r => r.Email is not null);
    }
}
