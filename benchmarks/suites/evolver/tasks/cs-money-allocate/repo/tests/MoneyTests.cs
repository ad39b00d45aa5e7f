using Xunit;

namespace Monetary.Tests;

public class MoneyTests
{
    [Fact]
    public void Of_RoundsToMinorUnit()
    {
        Assert.Equal(1.24m, Money.Of(1.235m, Currency.USD).Amount);
        Assert.Equal(1.22m, Money.Of(1.225m, Currency.USD).Amount);
        Assert.Equal(1.23m, Money.Of(1.225m, Currency.USD, MidpointRounding.AwayFromZero).Amount);
        Assert.Equal(100m, Money.Of(99.5m, Currency.JPY).Amount);
    }

    [Fact]
    public void Add_SameCurrency_Sums()
    {
        Assert.Equal(Money.Of(3.30m, Currency.EUR), Money.Of(1.10m, Currency.EUR) + Money.Of(2.20m, Currency.EUR));
    }

    [Fact]
    public void Add_DifferentCurrencies_Throws()
    {
        Assert.Throws<CurrencyMismatchException>(() => Money.Of(1m, Currency.USD) + Money.Of(1m, Currency.EUR));
    }

    [Fact]
    public void Multiply_RoundsResult()
    {
        Assert.Equal(Money.Of(0.33m, Currency.USD), Money.Of(1m, Currency.USD).Multiply(1m / 3m));
    }

    [Fact]
    public void MinorUnits_RoundTrip()
    {
        var money = Money.Of(12.345m, Currency.BHD);
        Assert.Equal(12345, money.ToMinorUnits());
        Assert.Equal(money, Money.FromMinorUnits(12345, Currency.BHD));
    }

    [Fact]
    public void ToString_UsesCurrencyDecimals()
    {
        Assert.Equal("1234.50 USD", Money.Of(1234.5m, Currency.USD).ToString());
        Assert.Equal("500 JPY", Money.Of(500m, Currency.JPY).ToString());
    }

    [Fact]
    public void CompareTo_OrdersAmounts()
    {
        Assert.True(Money.Of(1m, Currency.USD) < Money.Of(2m, Currency.USD));
    }
}
