using Xunit;

namespace RomanNumerals.Tests;

public class RomanParserTests
{
    [Theory]
    [InlineData("I", 1)]
    [InlineData("III", 3)]
    [InlineData("VIII", 8)]
    [InlineData("mdclxvi", 1666)]
    [InlineData("MMXXIII", 2023)]
    public void Parse_AdditiveNumeral_ReturnsValue(string text, int expected)
    {
        Assert.Equal(expected, RomanParser.Parse(text));
    }

    [Fact]
    public void Parse_SubtractivePairInTheMiddle_ReturnsValue()
    {
        Assert.Equal(1910, RomanParser.Parse("MCMX"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("XIIZ")]
    public void Parse_Invalid_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => RomanParser.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(RomanParser.TryParse(null, out _));
    }
}
