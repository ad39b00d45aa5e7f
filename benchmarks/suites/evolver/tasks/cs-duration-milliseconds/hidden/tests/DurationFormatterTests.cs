using Xunit;

namespace Durations.Tests;

public class DurationFormatterTests
{
    [Fact]
    public void Format_Zero_ReturnsZero()
    {
        Assert.Equal("0", DurationFormatter.Format(TimeSpan.Zero));
    }

    [Fact]
    public void Format_HoursAndMinutes_LargestUnitFirst()
    {
        Assert.Equal("1h30m", DurationFormatter.Format(new TimeSpan(1, 30, 0)));
    }

    [Fact]
    public void Format_Milliseconds_AfterSeconds()
    {
        Assert.Equal("1s250ms", DurationFormatter.Format(TimeSpan.FromMilliseconds(1250)));
    }

    [Fact]
    public void Format_Days_SkipsEmptyUnits()
    {
        Assert.Equal("2d5s", DurationFormatter.Format(TimeSpan.FromDays(2) + TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Format_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DurationFormatter.Format(TimeSpan.FromSeconds(-1)));
    }
}
