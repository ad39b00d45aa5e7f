using System.Globalization;
using System.Text;

namespace Durations;

/// <summary>Writes durations in the form <see cref="DurationParser"/> reads.</summary>
public static class DurationFormatter
{
    /// <summary>Formats <paramref name="value"/> to the millisecond, largest units first ("1h30m", "1s250ms").</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Negative durations cannot be formatted.");
        }

        var remaining = TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds));
        if (remaining == TimeSpan.Zero)
        {
            return "0";
        }

        var builder = new StringBuilder();
        foreach (var unit in DurationUnits.All)
        {
            var count = remaining.Ticks / unit.Size.Ticks;
            if (count > 0)
            {
                builder.Append(count.ToString(CultureInfo.InvariantCulture)).Append(unit.Suffix);
                remaining -= TimeSpan.FromTicks(count * unit.Size.Ticks);
            }
        }

        return builder.ToString();
    }
}
