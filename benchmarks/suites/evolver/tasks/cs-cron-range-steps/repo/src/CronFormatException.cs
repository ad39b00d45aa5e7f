namespace CronKit;

/// <summary>A cron expression or field is not valid.</summary>
public sealed class CronFormatException(string message) : FormatException(message);
