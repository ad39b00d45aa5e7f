namespace Monetary;

/// <summary>An ISO 4217 currency and the number of decimals of its minor unit.</summary>
public sealed record Currency(string Code, int MinorUnits)
{
    /// <summary>US dollar.</summary>
    public static readonly Currency USD = new("USD", 2);

    /// <summary>Euro.</summary>
    public static readonly Currency EUR = new("EUR", 2);

    /// <summary>Japanese yen, which has no minor unit.</summary>
    public static readonly Currency JPY = new("JPY", 0);

    /// <summary>Bahraini dinar, which has three decimals.</summary>
    public static readonly Currency BHD = new("BHD", 3);

    private static readonly Dictionary<string, Currency> Known = new[] { USD, EUR, JPY, BHD }.ToDictionary(c => c.Code);

    /// <summary>The smallest amount of this currency, e.g. 0.01 for USD.</summary>
    public decimal MinorUnit => 1m / Pow10(MinorUnits);

    /// <summary>Looks up a currency by its code.</summary>
    public static Currency FromCode(string code) =>
        Known.TryGetValue(code.ToUpperInvariant(), out var currency)
            ? currency
            : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    internal static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => Code;
}
