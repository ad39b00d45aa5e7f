using Xunit;

namespace CronKit.Tests;

public class CronFieldTests
{
    [Fact]
    public void Parse_Wildcard_MatchesEveryValue()
    {
        Assert.Equal(Enumerable.Range(0, 24), CronField.Parse("*", CronFieldKind.Hour).Values);
    }

    [Fact]
    public void Parse_List_MatchesListedValues()
    {
        Assert.Equal(new[] { 1, 15, 30 }, CronField.Parse("30,1,15", CronFieldKind.DayOfMonth).Values);
    }

    [Fact]
    public void Parse_Range_IsInclusive()
    {
        Assert.Equal(new[] { 9, 10, 11, 12 }, CronField.Parse("9-12", CronFieldKind.Hour).Values);
    }

    [Fact]
    public void Parse_WildcardStep_StartsAtMinimum()
    {
        Assert.Equal(new[] { 0, 15, 30, 45 }, CronField.Parse("*/15", CronFieldKind.Minute).Values);
        Assert.Equal(new[] { 1, 4, 7, 10 }, CronField.Parse("*/3", CronFieldKind.Month).Values);
    }

    [Fact]
    public void Parse_SundayAsSeven_IsSunday()
    {
        Assert.Equal(new[] { 0, 5, 6 }, CronField.Parse("5-7", CronFieldKind.DayOfWeek).Values);
    }

    [Theory]
    [InlineData("60", CronFieldKind.Minute)]
    [InlineData("0", CronFieldKind.DayOfMonth)]
    [InlineData("5-1", CronFieldKind.Hour)]
    [InlineData("*/0", CronFieldKind.Minute)]
    [InlineData("a", CronFieldKind.Month)]
    [InlineData("1,", CronFieldKind.Hour)]
    public void Parse_Invalid_Throws(string text, CronFieldKind kind)
    {
        Assert.Throws<CronFormatException>(() => CronField.Parse(text, kind));
    }
}
