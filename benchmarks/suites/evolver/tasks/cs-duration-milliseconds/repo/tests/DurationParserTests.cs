using Xunit;

namespace Durations.Tests;

public class DurationParserTests
{
    [Fact]
    public void Parse_MinutesAndSeconds_ReturnsSum()
    {
        Assert.Equal(TimeSpan.FromSeconds(90), DurationParser.Parse("1m30s"));
    }

    [Fact]
    public void Parse_SpacesBetweenParts_AreIgnored()
    {
        Assert.Equal(new TimeSpan(2, 15, 0), DurationParser.Parse(" 2h 15m "));
    }

    [Fact]
    public void Parse_Fraction_IsScaled()
    {
        Assert.Equal(TimeSpan.FromHours(36), DurationParser.Parse("1.5d"));
    }

    [Fact]
    public void Parse_Zero_ReturnsZero()
    {
        Assert.Equal(TimeSpan.Zero, DurationParser.Parse("0"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("h")]
    [InlineData("5x")]
    [InlineData("1H")]
    public void Parse_Invalid_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => DurationParser.Parse(text));
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        Assert.False(DurationParser.TryParse(null, out _));
    }
}
