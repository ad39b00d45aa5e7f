using System.Text.Json;

namespace Evolver.Core;

/// <summary>Reads the optional <c>profile</c> of an agent's report (the SDK's <c>AgentReport.Profile</c>).</summary>
internal static class ReportProfile
{
    /// <summary>
    /// The report's time profile; null when there is no report, it is not JSON, or it has no usable profile. Entries
    /// without a name or with a negative or non-finite figure are dropped: the report is the agent's word, not trusted.
    /// </summary>
    public static IReadOnlyList<TimeKnobUse>? Read(string? report)
    {
        if (string.IsNullOrWhiteSpace(report))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(report);
            if (doc.RootElement.ValueKind != JsonValueKind.Object
                || !doc.RootElement.TryGetProperty("profile", out var profile) || profile.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var entries = profile.EnumerateArray().Select(Entry).OfType<TimeKnobUse>().ToList();
            return entries.Count > 0 ? entries : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeKnobUse? Entry(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String
            || name.GetString() is not { Length: > 0 and <= 200 } text)
        {
            return null;
        }

        var seconds = Number(e, "seconds");
        var expiredSeconds = Number(e, "expired_seconds");
        var uses = Number(e, "uses");
        var expired = Number(e, "expired");
        return seconds is null || expiredSeconds is null || uses is null || expired is null
            ? null
            : new TimeKnobUse(text, seconds.Value, (int)Math.Min(uses.Value, int.MaxValue), (int)Math.Min(expired.Value, int.MaxValue), Math.Min(expiredSeconds.Value, seconds.Value));
    }

    /// <summary>A non-negative finite number, 0 when absent, null when malformed.</summary>
    private static double? Number(JsonElement e, string property) =>
        !e.TryGetProperty(property, out var value) ? 0
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d) && d >= 0 ? d
        : null;
}
