using Xunit;

namespace Monetary.Tests;

public class SplitTests
{
    [Fact]
    public void Split_Uneven_GivesExtraCentsToFirstParts()
    {
        var parts = Money.Of(100m, Currency.USD).Split(3);
        Assert.Equal(new[] { 33.34m, 33.33m, 33.33m }, parts.Select(p => p.Amount));
    }

    [Fact]
    public void Split_Negative_AddsUpToOriginal()
    {
        var parts = Money.Of(-0.05m, Currency.EUR).Split(2);
        Assert.Equal(new[] { -0.03m, -0.02m }, parts.Select(p => p.Amount));
    }

    [Fact]
    public void Split_ZeroParts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Of(1m, Currency.USD).Split(0));
    }
}
