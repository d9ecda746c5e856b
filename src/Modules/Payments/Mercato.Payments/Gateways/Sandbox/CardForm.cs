namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>What the shopper typed on the sandbox's page.</summary>
/// <param name="Number">Card number (spaces and dashes allowed).</param>
/// <param name="Expiry">Expiry, <c>MM/YY</c> or <c>MM/YYYY</c>.</param>
/// <param name="Cvc">Security code.</param>
/// <param name="Name">Cardholder's name.</param>
internal sealed record CardForm(string? Number, string? Expiry, string? Cvc, string? Name)
{
    /// <summary>The number without spaces and dashes.</summary>
    public string Digits => new((Number ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());

    /// <summary>The problems with the form, by field; empty when it can be charged.</summary>
    public Dictionary<string, string> Problems(DateTime today)
    {
        var problems = new Dictionary<string, string>();
        if (!TestCards.IsValidNumber(Digits))
        {
            problems["cardNumber"] = "Your card number is invalid.";
        }

        if (ParseExpiry() is not { } expiry)
        {
            problems["expiry"] = "Enter the expiry as MM/YY.";
        }
        else if (new DateTime(expiry.Year, expiry.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1) <= today)
        {
            problems["expiry"] = "Your card has expired.";
        }

        var cvc = (Cvc ?? string.Empty).Trim();
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))
        {
            problems["cvc"] = "Your card's security code is invalid.";
        }

        var name = (Name ?? string.Empty).Trim();
        if (name.Length is 0 or > 100 || name.Any(char.IsControl))
        {
            problems["name"] = "Enter the name on the card.";
        }

        return problems;
    }

    /// <summary>The expiry's month and four-digit year, or null when it cannot be read.</summary>
    public (int Month, int Year)? ParseExpiry()
    {
        var parts = (Expiry ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Split('/');
        if (parts is not [var m, var y] || !int.TryParse(m, out var month) || !int.TryParse(y, out var year) || month is < 1 or > 12)
        {
            return null;
        }

        year = y.Length == 2 ? 2000 + year : year;
        return year is >= 2000 and <= 2100 ? (month, year) : null;
    }
}
