namespace Mercato.Payments.Gateways.Sandbox;

/// <summary>The sandbox's test cards and tokens (Stripe's numbers and token names).</summary>
internal static class TestCards
{
    /// <summary>Test card numbers and what they do.</summary>
    public static readonly IReadOnlyDictionary<string, CardBehaviour> Numbers = new Dictionary<string, CardBehaviour>
    {
        ["4242424242424242"] = CardBehaviour.Succeeds,
        ["5555555555554444"] = CardBehaviour.Succeeds,
        ["378282246310005"] = CardBehaviour.Succeeds,
        ["4000000000000002"] = CardBehaviour.Declined,
        ["4000000000009995"] = CardBehaviour.InsufficientFunds,
        ["4000002500003155"] = CardBehaviour.RequiresChallenge,
        ["4000000000005126"] = CardBehaviour.RefundFails,
    };

    /// <summary>Card tokens (as Stripe names them) and the test card each stands for.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tokens = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tok_visa"] = "4242424242424242",
        ["tok_mastercard"] = "5555555555554444",
        ["tok_amex"] = "378282246310005",
        ["tok_chargeDeclined"] = "4000000000000002",
        ["tok_chargeDeclinedInsufficientFunds"] = "4000000000009995",
        ["tok_threeDSecure2Required"] = "4000002500003155",
        ["tok_refundFail"] = "4000000000005126",
    };

    /// <summary>What a (Luhn-valid) number does: its test behaviour, or <see cref="CardBehaviour.NotATestCard"/>.</summary>
    public static CardBehaviour BehaviourOf(string number) => Numbers.TryGetValue(number, out var behaviour) ? behaviour : CardBehaviour.NotATestCard;

    /// <summary>Whether <paramref name="number"/> is 12–19 digits with a valid Luhn check digit.</summary>
    public static bool IsValidNumber(string number)
    {
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < number.Length; i++)
        {
            var digit = number[number.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit = digit * 2 > 9 ? (digit * 2) - 9 : digit * 2;
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>The brand of a number by its leading digits.</summary>
    public static string BrandOf(string number) => number switch
    {
        ['4', ..] => "visa",
        ['3', '4' or '7', ..] => "amex",
        ['5', '1' or '2' or '3' or '4' or '5', ..] => "mastercard",
        ['2', ..] when number.Length == 16 => "mastercard",
        ['6', ..] => "discover",
        _ => "unknown",
    };
}
