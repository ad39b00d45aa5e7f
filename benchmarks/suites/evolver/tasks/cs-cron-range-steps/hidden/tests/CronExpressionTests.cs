using Xunit;

namespace CronKit.Tests;

public class CronExpressionTests
{
    [Fact]
    public void Parse_WrongFieldCount_Throws()
    {
        Assert.Throws<CronFormatException>(() => CronExpression.Parse("* * * *"));
    }

    [Fact]
    public void Matches_WorkingHours()
    {
        var cron = CronExpression.Parse("*/15 9-17 * * 1-5");
        Assert.True(cron.Matches(new DateTime(2024, 3, 4, 9, 30, 0)));
        Assert.False(cron.Matches(new DateTime(2024, 3, 4, 9, 31, 0)));
        Assert.False(cron.Matches(new DateTime(2024, 3, 9, 10, 0, 0)));
    }

    [Fact]
    public void GetNextOccurrence_SkipsWeekend()
    {
        var cron = CronExpression.Parse("*/15 9-17 * * 1-5");
        Assert.Equal(new DateTime(2024, 3, 11, 9, 0, 0), cron.GetNextOccurrence(new DateTime(2024, 3, 8, 17, 50, 0)));
    }

    [Fact]
    public void GetNextOccurrence_IsStrictlyAfter()
    {
        var cron = CronExpression.Parse("0 * * * *");
        Assert.Equal(new DateTime(2024, 1, 1, 11, 0, 0), cron.GetNextOccurrence(new DateTime(2024, 1, 1, 10, 0, 0)));
    }

    [Fact]
    public void GetNextOccurrence_LeapDay()
    {
        var cron = CronExpression.Parse("0 0 29 2 *");
        Assert.Equal(new DateTime(2028, 2, 29), cron.GetNextOccurrence(new DateTime(2024, 3, 1)));
    }

    [Fact]
    public void Matches_DayOfMonthOrDayOfWeek_WhenBothRestricted()
    {
        var cron = CronExpression.Parse("0 12 1 * 0");
        Assert.True(cron.Matches(new DateTime(2024, 5, 1, 12, 0, 0)));
        Assert.True(cron.Matches(new DateTime(2024, 5, 5, 12, 0, 0)));
        Assert.False(cron.Matches(new DateTime(2024, 5, 6, 12, 0, 0)));
    }

    [Fact]
    public void GetNextOccurrence_RangeWithStep()
    {
        var cron = CronExpression.Parse("0 9-17/4 * * *");
        Assert.Equal(new DateTime(2024, 6, 3, 13, 0, 0), cron.GetNextOccurrence(new DateTime(2024, 6, 3, 9, 0, 0)));
        Assert.Equal(new DateTime(2024, 6, 4, 9, 0, 0), cron.GetNextOccurrence(new DateTime(2024, 6, 3, 17, 0, 0)));
    }

    [Fact]
    public void Matches_StartWithStep()
    {
        var cron = CronExpression.Parse("5/20 * * * *");
        Assert.True(cron.Matches(new DateTime(2024, 6, 3, 8, 45, 0)));
        Assert.False(cron.Matches(new DateTime(2024, 6, 3, 8, 0, 0)));
    }
}
