namespace RomanNumerals;

/// <summary>The value of each Roman digit.</summary>
internal static class RomanDigits
{
    public const int MinValue = 1;
    public const int MaxValue = 3999;

    /// <summary>Returns the value of <paramref name="digit"/>, or 0 when it is not a Roman digit.</summary>
    public static int ValueOf(char digit) => char.ToUpperInvariant(digit) switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        'M' => 1000,
        _ => 0,
    };
}
