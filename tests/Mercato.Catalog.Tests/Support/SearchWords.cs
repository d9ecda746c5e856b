namespace Mercato.Catalog.Tests.Support;

/// <summary>Words for search tests.</summary>
internal static class SearchWords
{
    /// <summary>A made-up word no other test's product contains (letters only, so every tokenizer keeps it whole).</summary>
    public static string New() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}
