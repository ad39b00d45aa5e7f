using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolver.Cli;

/// <summary>Reads typed values out of a run config's JSON, throwing <see cref="RunConfigException"/> that names the key.</summary>
internal static class RunConfigReader
{
    /// <summary>The object at <paramref name="key"/>, after checking it holds only <paramref name="allowed"/> keys.</summary>
    public static JsonObject Object(JsonNode? node, string key, IReadOnlyCollection<string> allowed)
    {
        if (node is not JsonObject obj)
        {
            throw RunConfigException.At(key, $"must be an object, got {Show(node)}");
        }

        foreach (var name in obj.Select(p => p.Key))
        {
            if (!allowed.Contains(name))
            {
                throw RunConfigException.At(Join(key, name), $"is not a known key; known keys here: {string.Join(", ", allowed)}");
            }
        }

        return obj;
    }

    public static string String(JsonNode? node, string key)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }

        throw RunConfigException.At(key, $"must be a non-empty string, got {Show(node)}");
    }

    public static string Choice(JsonNode? node, string key, IReadOnlyList<string> choices)
    {
        var text = String(node, key);
        return choices.Contains(text) ? text : throw RunConfigException.At(key, $"must be one of {string.Join(", ", choices)}, got \"{text}\"");
    }

    public static bool Bool(JsonNode? node, string key) =>
        node is JsonValue value && value.TryGetValue<bool>(out var b) ? b : throw RunConfigException.At(key, $"must be true or false, got {Show(node)}");

    public static long Long(JsonNode? node, string key, long min, long max = long.MaxValue)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        var range = max == long.MaxValue ? $"≥ {min}" : $"from {min} to {max}";
        throw RunConfigException.At(key, $"must be a whole number {range}, got {Show(node)}");
    }

    public static int Int(JsonNode? node, string key, int min, int max = int.MaxValue) => (int)Long(node, key, min, max);

    public static double Double(JsonNode? node, string key, double min, double max = double.PositiveInfinity, bool minExclusive = false)
    {
        if (node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && double.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d)
            && double.IsFinite(d) && (minExclusive ? d > min : d >= min) && d <= max)
        {
            return d;
        }

        var lower = minExclusive ? $"> {min.ToString(CultureInfo.InvariantCulture)}" : $"≥ {min.ToString(CultureInfo.InvariantCulture)}";
        var range = double.IsPositiveInfinity(max) ? lower : $"{lower} and ≤ {max.ToString(CultureInfo.InvariantCulture)}";
        throw RunConfigException.At(key, $"must be a number {range}, got {Show(node)}");
    }

    /// <summary>Null when the key is absent or JSON null, else the value read by <paramref name="read"/>.</summary>
    public static T? Optional<T>(JsonNode? node, Func<JsonNode, T> read)
        where T : struct => node is null ? null : read(node);

    public static IReadOnlyList<string> Strings(JsonNode? node, string key, bool allowEmpty = false)
    {
        if (node is not JsonArray array || (!allowEmpty && array.Count == 0))
        {
            throw RunConfigException.At(key, $"must be a{(allowEmpty ? "n" : " non-empty")} array of strings, got {Show(node)}");
        }

        return [.. array.Select((n, i) => String(n, $"{key}[{i}]"))];
    }

    /// <summary>A flat object of string, number or boolean values, as strings (mutator options).</summary>
    public static IReadOnlyDictionary<string, string> StringMap(JsonNode? node, string key)
    {
        if (node is null)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (node is not JsonObject obj)
        {
            throw RunConfigException.At(key, $"must be an object, got {Show(node)}");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in obj)
        {
            map[name] = value is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                ? (v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString())
                : throw RunConfigException.At(Join(key, name), $"must be a string, number or boolean, got {Show(value)}");
        }

        return map;
    }

    public static string Join(string key, string name) => key.Length == 0 ? name : key + "." + name;

    private static string Show(JsonNode? node) => node is null ? "nothing" : node.ToJsonString();
}
