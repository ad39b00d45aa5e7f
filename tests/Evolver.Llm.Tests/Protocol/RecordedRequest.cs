using System.Text.Json.Nodes;

namespace Evolver.Llm.Tests.Protocol;

/// <summary>A request the provider test double received, with when it arrived (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
internal sealed record RecordedRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, long Timestamp)
{
    /// <summary>The body as JSON.</summary>
    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>The chat messages (OpenAI schema or Anthropic's: role and text content).</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentText(m["content"])))];

    /// <summary>The text of the last user message.</summary>
    public string LastUserMessage => Messages.Last(m => m.Role == "user").Content;

    private static string ContentText(JsonNode? content) => content switch
    {
        null => "",
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => content.ToJsonString(),
    };
}
