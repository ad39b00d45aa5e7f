using System.Globalization;

namespace CronKit;

/// <summary>One parsed field of a cron expression: the set of values it matches.</summary>
public sealed class CronField
{
    private readonly bool[] matches;

    private CronField(CronFieldKind kind, string text, SortedSet<int> values)
    {
        Kind = kind;
        Text = text;
        Values = values.ToArray();
        matches = new bool[FieldBounds.Of(kind).Max + 1];
        foreach (var value in values)
        {
            matches[value] = true;
        }
    }

    /// <summary>Which field this is.</summary>
    public CronFieldKind Kind { get; }

    /// <summary>The field as written.</summary>
    public string Text { get; }

    /// <summary>The matched values, ascending.</summary>
    public IReadOnlyList<int> Values { get; }

    /// <summary>True when the field is "*", i.e. it does not restrict anything.</summary>
    public bool IsWildcard => Text == "*";

    /// <summary>True when <paramref name="value"/> is one of <see cref="Values"/>.</summary>
    public bool Contains(int value) => value >= 0 && value < matches.Length && matches[value];

    /// <summary>Parses one field, e.g. "*/15", "1-5" or "0,30".</summary>
    public static CronField Parse(string text, CronFieldKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (min, max) = FieldBounds.Of(kind);
        var values = new SortedSet<int>();
        foreach (var element in text.Split(','))
        {
            if (element == "*")
            {
                AddRange(values, kind, min, max, 1);
            }
            else if (element.StartsWith("*/", StringComparison.Ordinal))
            {
                var step = ParseNumber(element[2..], kind, 1, int.MaxValue, element);
                AddRange(values, kind, min, max, step);
            }
            else if (element.Contains('-'))
            {
                var dash = element.IndexOf('-');
                var start = ParseNumber(element[..dash], kind, min, max, element);
                var end = ParseNumber(element[(dash + 1)..], kind, min, max, element);
                if (start > end)
                {
                    throw new CronFormatException($"{kind}: range '{element}' ends before it starts");
                }

                AddRange(values, kind, start, end, 1);
            }
            else
            {
                var value = ParseNumber(element, kind, min, max, element);
                AddRange(values, kind, value, value, 1);
            }
        }

        return new CronField(kind, text, values);
    }

    private static void AddRange(SortedSet<int> values, CronFieldKind kind, int start, int end, int step)
    {
        // long, so that a huge step cannot overflow into an endless loop.
        for (long value = start; value <= end; value += step)
        {
            // Day of week 7 is another name for Sunday.
            values.Add(kind == CronFieldKind.DayOfWeek && value == 7 ? 0 : (int)value);
        }
    }

    private static int ParseNumber(string text, CronFieldKind kind, int min, int max, string element)
    {
        if (text.Length == 0 || !text.All(char.IsAsciiDigit)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new CronFormatException($"{kind}: '{element}' is not a number, range or step");
        }

        if (value < min || value > max)
        {
            throw new CronFormatException($"{kind}: {value} in '{element}' is outside {min}-{max}");
        }

        return value;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;
}
