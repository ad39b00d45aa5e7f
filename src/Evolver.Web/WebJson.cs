using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Evolver.Core;

namespace Evolver.Web;

/// <summary>The JSON shape of the API and of the report's inlined data: snake_case names and enum values, nulls left out.</summary>
internal static class WebJson
{
    /// <summary>The API's options: readable text (quotes and non-ASCII letters are not escaped).</summary>
    public static JsonSerializerOptions Options { get; } = Create(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    /// <summary>The report's options: <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> are escaped, so the JSON can sit inside a <c>&lt;script&gt;</c> element.</summary>
    public static JsonSerializerOptions HtmlSafe { get; } = Create(JavaScriptEncoder.Default);

    /// <summary>The status as the API writes it, e.g. <c>compile_failed</c>.</summary>
    public static string Name(VariantStatus status) => JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());

    /// <summary>Parses a status as the API writes it (<c>compile_failed</c>) or as C# names it (<c>CompileFailed</c>).</summary>
    public static VariantStatus? ParseStatus(string text) =>
        Enum.GetValues<VariantStatus>().Cast<VariantStatus?>()
            .FirstOrDefault(s => string.Equals(Name(s!.Value), text, StringComparison.OrdinalIgnoreCase) || string.Equals(s!.Value.ToString(), text, StringComparison.OrdinalIgnoreCase));

    private static JsonSerializerOptions Create(JavaScriptEncoder encoder) => new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new SecondsConverter() },
        Encoder = encoder,
    };
}
