namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One message of a support conversation.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="AuthorId">The API's <c>authorId</c>.</param>
/// <param name="ByStaff">The API's <c>byStaff</c>.</param>
/// <param name="Internal">The API's <c>internal</c>.</param>
/// <param name="Body">The API's <c>body</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
public sealed record MessageView(
    Guid Id,
    Guid AuthorId,
    bool ByStaff,
    bool Internal,
    string Body,
    DateTime CreatedAt);
