namespace Durations;

/// <summary>The supported units, largest first.</summary>
internal static class DurationUnits
{
    public static readonly DurationUnit[] All =
    [
        new("d", TimeSpan.FromDays(1)),
        new("h", TimeSpan.FromHours(1)),
        new("m", TimeSpan.FromMinutes(1)),
        new("s", TimeSpan.FromSeconds(1)),
        new("ms", TimeSpan.FromMilliseconds(1)),
    ];
}
