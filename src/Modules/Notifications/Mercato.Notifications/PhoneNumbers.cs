using System.Text.RegularExpressions;

namespace Mercato.Notifications;

/// <summary>Phone numbers as text messages are sent to and from.</summary>
internal static partial class PhoneNumbers
{
    /// <summary>Whether <paramref name="number"/> is in E.164 form (<c>+14155550100</c>).</summary>
    public static bool IsE164(string? number) => number is not null && E164().IsMatch(number);

    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
