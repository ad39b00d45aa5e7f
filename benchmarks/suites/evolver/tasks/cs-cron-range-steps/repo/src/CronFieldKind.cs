namespace CronKit;

/// <summary>The five fields of a cron expression, in order.</summary>
public enum CronFieldKind
{
    /// <summary>Minute, 0-59.</summary>
    Minute,

    /// <summary>Hour, 0-23.</summary>
    Hour,

    /// <summary>Day of month, 1-31.</summary>
    DayOfMonth,

    /// <summary>Month, 1-12.</summary>
    Month,

    /// <summary>Day of week, 0-6 with Sunday = 0 (7 is accepted as Sunday).</summary>
    DayOfWeek,
}
