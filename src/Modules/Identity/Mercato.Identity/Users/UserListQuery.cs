using Mercato.Platform.Envelope;

namespace Mercato.Identity.Users;

/// <summary>Query of <c>GET /api/v1/users</c>.</summary>
internal sealed class UserListQuery
{
    /// <summary>The largest page.</summary>
    public const int MaxPageSize = PageRules.MaxPageSize;

    /// <summary>1-based page (default 1).</summary>
    public int? PageNumber { get; init; }

    /// <summary>Users per page, 1-100 (default 20).</summary>
    public int? PageSize { get; init; }

    /// <summary>Case-insensitive text found in the e-mail, user name, first or last name.</summary>
    public string? Search { get; init; }

    /// <summary>Only users holding this role.</summary>
    public string? Role { get; init; }

    /// <summary>The errors of this query, empty when it is valid.</summary>
    public IReadOnlyList<ApiError> Validate()
    {
        var errors = new List<ApiError>();
        PageRules.Check(PageNumber, PageSize, errors);

        if (Search is { Length: > 100 })
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "search must be at most 100 characters", "search"));
        }

        if (Role is not null && KnownRoles.Canonical(Role) is null)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"Unknown role; use {string.Join(", ", KnownRoles.Names)}", "role"));
        }

        return errors;
    }
}
