using System.Globalization;
using System.Text.Json.Nodes;

namespace Evolver.Gateway;

/// <summary>
/// Compares requests as JSON values, not text: object keys in any order, numbers by value. Replay matches a request to
/// its recording this way and names the first difference by its JSON path.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The path of the first difference (<c>$.messages[3].content</c>) and both values, or null when equal.</summary>
    public static string? FirstDifference(JsonNode? recorded, JsonNode? actual, string path = "$")
    {
        switch (recorded, actual)
        {
            case (null, null):
                return null;
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                {
                    var child = path + "." + key;
                    if (!a.ContainsKey(key))
                    {
                        return $"{child}: not recorded, got {Show(b[key])}";
                    }

                    if (!b.ContainsKey(key))
                    {
                        return $"{child}: recorded {Show(a[key])}, missing now";
                    }

                    if (FirstDifference(a[key], b[key], child) is { } difference)
                    {
                        return difference;
                    }
                }

                return null;
            case (JsonArray a, JsonArray b):
                for (var i = 0; i < Math.Min(a.Count, b.Count); i++)
                {
                    if (FirstDifference(a[i], b[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return a.Count == b.Count ? null : $"{path}: recorded {a.Count} items, got {b.Count}";
            case (JsonValue a, JsonValue b) when Scalar(a) == Scalar(b):
                return null;
            case (JsonValue a, JsonValue b) when a.TryGetValue<string>(out var x) && b.TryGetValue<string>(out var y):
                return $"{path}: {TextDifference(x, y)}";
            default:
                return $"{path}: recorded {Show(recorded)}, got {Show(actual)}";
        }
    }

    /// <summary>A scalar's canonical text: numbers by value, strings quoted.</summary>
    private static string Scalar(JsonValue value) =>
        value.TryGetValue<decimal>(out var d) ? d.ToString("G29", CultureInfo.InvariantCulture)
        : value.TryGetValue<double>(out var f) ? f.ToString("R", CultureInfo.InvariantCulture)
        : value.ToJsonString();

    /// <summary>Where two texts part: the character offset and a little of each side from there.</summary>
    private static string TextDifference(string recorded, string actual)
    {
        var at = 0;
        while (at < recorded.Length && at < actual.Length && recorded[at] == actual[at])
        {
            at++;
        }

        var from = Math.Max(0, at - 20);
        string Around(string s) => s.Length <= at ? "(end of text)" : "\"" + s.Substring(from, Math.Min(80, s.Length - from)) + "\"";
        return $"texts differ at character {at}: recorded {Around(recorded)}, got {Around(actual)}";
    }

    private static string Show(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "null";
        return text.Length <= 120 ? text : text[..120] + $"… ({text.Length} chars)";
    }
}
