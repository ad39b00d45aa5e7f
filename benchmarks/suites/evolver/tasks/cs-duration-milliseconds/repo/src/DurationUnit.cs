namespace Durations;

/// <summary>A unit suffix and the length of one unit.</summary>
internal readonly record struct DurationUnit(string Suffix, TimeSpan Size);
