namespace RomanNumerals;

/// <summary>Reads Roman numerals such as "XIV" or "mmxxiv" (case-insensitive).</summary>
public static class RomanParser
{
    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/>.</summary>
    public static int Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var value, out var error))
        {
            throw new FormatException($"'{text}' is not a Roman numeral: {error}");
        }

        return value;
    }

    /// <summary>Parses <paramref name="text"/>; returns false when it is not a Roman numeral.</summary>
    public static bool TryParse(string? text, out int value) => TryParse(text, out value, out _);

    private static bool TryParse(string? text, out int value, out string error)
    {
        value = 0;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "the text is empty";
            return false;
        }

        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var current = RomanDigits.ValueOf(text[i]);
            if (current == 0)
            {
                error = $"'{text[i]}' at position {i} is not a Roman digit";
                return false;
            }

            // A smaller digit before a larger one is subtracted (IV = 4, XC = 90).
            if (i + 1 < text.Length - 1 && current < RomanDigits.ValueOf(text[i + 1]))
            {
                total -= current;
            }
            else
            {
                total += current;
            }
        }

        if (total < RomanDigits.MinValue || total > RomanDigits.MaxValue)
        {
            error = $"the value {total} is outside {RomanDigits.MinValue}..{RomanDigits.MaxValue}";
            return false;
        }

        value = total;
        error = string.Empty;
        return true;
    }
}
