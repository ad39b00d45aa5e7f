using System.Globalization;

namespace Durations;

/// <summary>Reads durations such as "1h30m" or "250ms".</summary>
public static class DurationParser
{
    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/>.</summary>
    public static TimeSpan Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!TryParse(text, out var value, out var error))
        {
            throw new FormatException($"'{text}' is not a duration: {error}");
        }

        return value;
    }

    /// <summary>Parses <paramref name="text"/>; returns false when it is not a duration.</summary>
    public static bool TryParse(string? text, out TimeSpan value) => TryParse(text, out value, out _);

    private static bool TryParse(string? text, out TimeSpan value, out string error)
    {
        value = TimeSpan.Zero;
        text = text?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            error = "it is empty";
            return false;
        }

        if (text == "0")
        {
            error = string.Empty;
            return true;
        }

        var ticks = 0.0;
        var pos = 0;
        while (pos < text.Length)
        {
            if (char.IsWhiteSpace(text[pos]))
            {
                pos++;
                continue;
            }

            var start = pos;
            while (pos < text.Length && (char.IsAsciiDigit(text[pos]) || text[pos] == '.'))
            {
                pos++;
            }

            if (!double.TryParse(text.AsSpan(start, pos - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            {
                error = $"expected a number at position {start}";
                return false;
            }

            var unit = MatchUnit(text, pos);
            if (unit is null)
            {
                error = $"expected a unit (d, h, m, s, ms) at position {pos}";
                return false;
            }

            ticks += amount * unit.Value.Size.Ticks;
            pos += unit.Value.Suffix.Length;
        }

        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            error = "it is too long";
            return false;
        }

        value = TimeSpan.FromTicks((long)Math.Round(ticks));
        error = string.Empty;
        return true;
    }

    private static DurationUnit? MatchUnit(string text, int pos)
    {
        foreach (var unit in DurationUnits.All)
        {
            if (string.CompareOrdinal(text, pos, unit.Suffix, 0, unit.Suffix.Length) == 0)
            {
                return unit;
            }
        }

        return null;
    }
}
