using System.Text;

namespace RomanNumerals;

/// <summary>Writes numbers as Roman numerals in the standard subtractive form.</summary>
public static class RomanFormatter
{
    private static readonly (int Value, string Symbol)[] Table =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
        (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
        (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    /// <summary>Formats <paramref name="value"/>, which must be in 1..3999.</summary>
    public static string Format(int value)
    {
        if (value < RomanDigits.MinValue || value > RomanDigits.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Roman numerals cover {RomanDigits.MinValue}..{RomanDigits.MaxValue}.");
        }

        var builder = new StringBuilder();
        foreach (var (digitValue, symbol) in Table)
        {
            while (value >= digitValue)
            {
                builder.Append(symbol);
                value -= digitValue;
            }
        }

        return builder.ToString();
    }
}
