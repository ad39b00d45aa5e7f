using Xunit;

namespace RomanNumerals.Tests;

public class RomanFormatterTests
{
    [Theory]
    [InlineData(1, "I")]
    [InlineData(4, "IV")]
    [InlineData(9, "IX")]
    [InlineData(14, "XIV")]
    [InlineData(1994, "MCMXCIV")]
    [InlineData(3999, "MMMCMXCIX")]
    public void Format_Value_ReturnsStandardForm(int value, string expected)
    {
        Assert.Equal(expected, RomanFormatter.Format(value));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4000)]
    public void Format_OutOfRange_Throws(int value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RomanFormatter.Format(value));
    }
}
