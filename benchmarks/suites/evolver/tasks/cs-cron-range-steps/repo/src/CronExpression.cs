namespace CronKit;

/// <summary>A five-field cron expression: minute, hour, day of month, month, day of week.</summary>
public sealed class CronExpression
{
    private CronExpression(CronField[] fields) => Fields = fields;

    /// <summary>The five fields, in <see cref="CronFieldKind"/> order.</summary>
    public IReadOnlyList<CronField> Fields { get; }

    /// <summary>Parses an expression such as "*/15 9-17 * * 1-5".</summary>
    public static CronExpression Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var parts = expression.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 5)
        {
            throw new CronFormatException($"expected 5 fields, got {parts.Length} in '{expression}'");
        }

        return new CronExpression(parts.Select((part, i) => CronField.Parse(part, (CronFieldKind)i)).ToArray());
    }

    /// <summary>True when the expression fires at the minute of <paramref name="time"/>.</summary>
    public bool Matches(DateTime time) =>
        Fields[(int)CronFieldKind.Minute].Contains(time.Minute)
        && Fields[(int)CronFieldKind.Hour].Contains(time.Hour)
        && Fields[(int)CronFieldKind.Month].Contains(time.Month)
        && DayMatches(time);

    /// <summary>The first minute strictly after <paramref name="after"/> at which the expression fires, or null within 8 years.</summary>
    public DateTime? GetNextOccurrence(DateTime after)
    {
        var time = new DateTime(after.Year, after.Month, after.Day, after.Hour, after.Minute, 0, after.Kind).AddMinutes(1);
        var limit = after.AddYears(8);
        while (time <= limit)
        {
            if (!Fields[(int)CronFieldKind.Month].Contains(time.Month))
            {
                time = new DateTime(time.Year, time.Month, 1, 0, 0, 0, time.Kind).AddMonths(1);
            }
            else if (!DayMatches(time))
            {
                time = time.Date.AddDays(1);
            }
            else if (!Fields[(int)CronFieldKind.Hour].Contains(time.Hour))
            {
                time = time.Date.AddHours(time.Hour + 1);
            }
            else if (!Fields[(int)CronFieldKind.Minute].Contains(time.Minute))
            {
                time = time.AddMinutes(1);
            }
            else
            {
                return time;
            }
        }

        return null;
    }

    private bool DayMatches(DateTime time)
    {
        var dayOfMonth = Fields[(int)CronFieldKind.DayOfMonth];
        var dayOfWeek = Fields[(int)CronFieldKind.DayOfWeek];
        var domMatch = dayOfMonth.Contains(time.Day);
        var dowMatch = dayOfWeek.Contains((int)time.DayOfWeek);

        // Vixie cron: if both day fields are restricted, either may match.
        if (!dayOfMonth.IsWildcard && !dayOfWeek.IsWildcard)
        {
            return domMatch || dowMatch;
        }

        return domMatch && dowMatch;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(' ', Fields.Select(f => f.Text));
}
