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

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("1ms", 1)]
    [InlineData("1s500ms", 1500)]
    [InlineData("1m 5s 20ms", 65020)]
    [InlineData("0.5ms", 0.5)]
    public void Parse_Milliseconds_ReturnsValue(string text, double expectedMilliseconds)
    {
        Assert.Equal(TimeSpan.FromTicks((long)(expectedMilliseconds * TimeSpan.TicksPerMillisecond)), DurationParser.Parse(text));
    }

    [Fact]
    public void Parse_MinutesStillMeanMinutes()
    {
        Assert.Equal(TimeSpan.FromMinutes(3), DurationParser.Parse("3m"));
        Assert.Equal(TimeSpan.FromMinutes(2) + TimeSpan.FromMilliseconds(7), DurationParser.Parse("2m7ms"));
    }

    [Fact]
    public void TryParse_Milliseconds_ReturnsTrue()
    {
        Assert.True(DurationParser.TryParse("750ms", out var value));
        Assert.Equal(TimeSpan.FromMilliseconds(750), value);
    }

    [Fact]
    public void Parse_FormattedValue_RoundTrips()
    {
        var values = new[]
        {
            TimeSpan.FromMilliseconds(1),
            TimeSpan.FromMilliseconds(1250),
            new TimeSpan(0, 1, 2, 3, 4),
            new TimeSpan(3, 0, 0, 0, 999),
            TimeSpan.FromMinutes(59),
        };
        foreach (var value in values)
        {
            Assert.Equal(value, DurationParser.Parse(DurationFormatter.Format(value)));
        }
    }
}
