using FluentValidation;
using Mercato.Logs.Contracts;

namespace Mercato.Logs.Entries;

/// <summary>Checks a batch of <c>POST /api/v1/logs/ingest</c>.</summary>
internal sealed class LogIngestRequestValidator : AbstractValidator<LogIngestRequest>
{
    /// <summary>Creates the rules.</summary>
    public LogIngestRequestValidator()
    {
        RuleFor(r => r.Records).NotNull().Must(r => r is { Count: > 0 and <= LogIngestRequest.MaxRecords })
            .WithMessage($"records must hold 1 to {LogIngestRequest.MaxRecords} records");
        RuleForEach(r => r.Records).ChildRules(record =>
        {
            record.RuleFor(r => r.Id).NotEmpty();
            record.RuleFor(r => r.Timestamp).NotEmpty();
            record.RuleFor(r => r.Level).Must(l => l is not null && LogLevels.ByName.ContainsKey(l))
                .WithMessage($"level must be one of {string.Join(", ", LogLevels.ByName.Keys)}");
            record.RuleFor(r => r.Service).NotEmpty().MaximumLength(200);
            record.RuleFor(r => r.Category).NotEmpty().MaximumLength(300);
            record.RuleFor(r => r.Message).NotNull().MaximumLength(16_000);
        }).When(r => r.Records is not null);
    }
}
