namespace CronKit;

/// <summary>The allowed values of each field.</summary>
internal static class FieldBounds
{
    public static (int Min, int Max) Of(CronFieldKind kind) => kind switch
    {
        CronFieldKind.Minute => (0, 59),
        CronFieldKind.Hour => (0, 23),
        CronFieldKind.DayOfMonth => (1, 31),
        CronFieldKind.Month => (1, 12),
        CronFieldKind.DayOfWeek => (0, 7),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
