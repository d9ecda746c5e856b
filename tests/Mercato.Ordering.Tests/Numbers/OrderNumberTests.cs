using Mercato.Ordering.Numbers;

namespace Mercato.Ordering.Tests.Numbers;

/// <summary>The shape of order numbers.</summary>
public sealed class OrderNumberTests
{
    [Theory]
    [InlineData(2025, 100, "ORD-2025-000100")]
    [InlineData(2026, 1, "ORD-2026-000001")]
    [InlineData(2026, 999_999, "ORD-2026-999999")]
    [InlineData(2026, 1_000_000, "ORD-2026-1000000")]
    public void Numbers_are_the_year_and_a_six_digit_sequence(int year, long sequence, string expected)
        => Assert.Equal(expected, OrderNumber.Format(year, sequence));

    [Theory]
    [InlineData(2026, 0)]
    [InlineData(2026, -1)]
    [InlineData(0, 1)]
    [InlineData(10_000, 1)]
    public void Sequences_start_at_one_and_years_have_four_digits(int year, long sequence)
        => Assert.Throws<ArgumentOutOfRangeException>(() => OrderNumber.Format(year, sequence));
}
