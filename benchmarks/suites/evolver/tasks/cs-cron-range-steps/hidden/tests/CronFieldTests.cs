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

    [Fact]
    public void Parse_RangeWithStep_StepsThroughRange()
    {
        Assert.Equal(new[] { 1, 6, 11, 16, 21, 26 }, CronField.Parse("1-30/5", CronFieldKind.DayOfMonth).Values);
        Assert.Equal(new[] { 9, 11, 13, 15, 17 }, CronField.Parse("9-17/2", CronFieldKind.Hour).Values);
    }

    [Fact]
    public void Parse_StartWithStep_RunsToFieldMaximum()
    {
        Assert.Equal(new[] { 5, 25, 45 }, CronField.Parse("5/20", CronFieldKind.Minute).Values);
        Assert.Equal(new[] { 2, 5, 8, 11 }, CronField.Parse("2/3", CronFieldKind.Month).Values);
    }

    [Fact]
    public void Parse_StepLargerThanRange_KeepsStart()
    {
        Assert.Equal(new[] { 10 }, CronField.Parse("10-20/30", CronFieldKind.Minute).Values);
    }

    [Fact]
    public void Parse_StepsInList_AreCombined()
    {
        Assert.Equal(new[] { 0, 1, 2, 10, 20, 30 }, CronField.Parse("0-2,10-30/10", CronFieldKind.Minute).Values);
    }

    [Fact]
    public void Parse_DayOfWeekRangeWithStep_MapsSevenToSunday()
    {
        Assert.Equal(new[] { 0, 1, 3, 5 }, CronField.Parse("1-7/2", CronFieldKind.DayOfWeek).Values);
    }

    [Fact]
    public void Parse_StepOfOne_IsPlainRange()
    {
        Assert.Equal(CronField.Parse("3-6", CronFieldKind.Hour).Values, CronField.Parse("3-6/1", CronFieldKind.Hour).Values);
    }

    [Theory]
    [InlineData("1-30/0", CronFieldKind.DayOfMonth)]
    [InlineData("5/0", CronFieldKind.Minute)]
    [InlineData("1-5/", CronFieldKind.Hour)]
    [InlineData("/5", CronFieldKind.Hour)]
    [InlineData("1-5/x", CronFieldKind.Hour)]
    [InlineData("20-10/2", CronFieldKind.Minute)]
    [InlineData("0-59/5", CronFieldKind.Hour)]
    [InlineData("1-5/2/3", CronFieldKind.Hour)]
    public void Parse_InvalidStep_Throws(string text, CronFieldKind kind)
    {
        Assert.Throws<CronFormatException>(() => CronField.Parse(text, kind));
    }
}
