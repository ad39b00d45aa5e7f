using Xunit;

namespace Monetary.Tests;

public class AllocateTests
{
    [Fact]
    public void Allocate_ExactRatios_SplitsProportionally()
    {
        var parts = Money.Of(100m, Currency.USD).Allocate(50, 30, 20);
        Assert.Equal(new[] { 50m, 30m, 20m }, parts.Select(p => p.Amount));
        Assert.All(parts, p => Assert.Equal(Currency.USD, p.Currency));
    }

    [Fact]
    public void Allocate_Remainder_GoesToFirstSharesOneUnitEach()
    {
        var parts = Money.Of(0.05m, Currency.USD).Allocate(3, 7);
        Assert.Equal(new[] { 0.02m, 0.03m }, parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_SumAlwaysEqualsOriginal()
    {
        var amounts = new[] { 0.01m, 0.99m, 10m, 1234.57m, 99999.99m };
        var ratioSets = new[] { new[] { 1, 1, 1 }, new[] { 70, 20, 10 }, new[] { 3, 3, 1, 5 }, new[] { 1 } };
        foreach (var amount in amounts)
        {
            foreach (var ratios in ratioSets)
            {
                var money = Money.Of(amount, Currency.EUR);
                var parts = money.Allocate(ratios);
                Assert.Equal(ratios.Length, parts.Length);
                Assert.Equal(money.Amount, parts.Sum(p => p.Amount));
            }
        }
    }

    [Fact]
    public void Allocate_Yen_UsesWholeYen()
    {
        var parts = Money.Of(100m, Currency.JPY).Allocate(1, 1, 1);
        Assert.Equal(new[] { 34m, 33m, 33m }, parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_ThreeDecimalCurrency_UsesFils()
    {
        var parts = Money.Of(1m, Currency.BHD).Allocate(1, 2);
        Assert.Equal(new[] { 0.334m, 0.666m }, parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_ZeroRatio_GetsNothing()
    {
        var parts = Money.Of(10m, Currency.USD).Allocate(1, 0, 1);
        Assert.Equal(new[] { 5m, 0m, 5m }, parts.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_Negative_IsNegationOfPositive()
    {
        var positive = Money.Of(0.05m, Currency.USD).Allocate(3, 7);
        var negative = Money.Of(-0.05m, Currency.USD).Allocate(3, 7);
        Assert.Equal(positive.Select(p => -p.Amount), negative.Select(p => p.Amount));
    }

    [Fact]
    public void Allocate_EqualRatios_MatchesSplit()
    {
        var money = Money.Of(100m, Currency.USD);
        Assert.Equal(money.Split(3), money.Allocate(1, 1, 1));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 0 })]
    [InlineData(new[] { 1, -1, 2 })]
    public void Allocate_InvalidRatios_Throws(int[] ratios)
    {
        Assert.Throws<ArgumentException>(() => Money.Of(1m, Currency.USD).Allocate(ratios));
    }
}
