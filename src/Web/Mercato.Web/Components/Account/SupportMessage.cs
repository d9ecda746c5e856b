namespace Mercato.Web.Components.Account;

/// <summary>A message of a support conversation (the API never shows a customer the staff's internal notes).</summary>
/// <param name="Id">Message id.</param>
/// <param name="ByStaff">Whether the shop's staff wrote it.</param>
/// <param name="Body">The text.</param>
/// <param name="CreatedAt">Posted (UTC).</param>
public sealed record SupportMessage(Guid Id, bool ByStaff, string Body, DateTime CreatedAt);
