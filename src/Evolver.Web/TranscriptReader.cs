using System.Text.Json;
using System.Text.Json.Nodes;

namespace Evolver.Web;

/// <summary>
/// Reads recorded LLM exchanges from a variant's logs: the mutator's <c>llm-exchanges.json</c> (an array of
/// <c>{step, exchange}</c>) and the gateway's <c>llm/&lt;task&gt;.jsonl</c> (one exchange a line). Field names are matched
/// loosely (<c>input_tokens</c>, <c>InputTokens</c>, OpenAI's <c>messages</c>/<c>choices</c>, Anthropic's <c>content</c>),
/// so a transcript in a shape not foreseen here still shows its messages, and always its raw JSON.
/// </summary>
internal static class TranscriptReader
{
    /// <summary>Whether a logs file holds LLM exchanges, by its name.</summary>
    public static bool IsTranscript(string path)
    {
        var name = System.IO.Path.GetFileName(path);
        return path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
            || (name.Contains("llm", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase));
    }

    public static Transcript Read(string path, string text)
    {
        var entries = new List<TranscriptEntry>();
        var bad = new List<int>();
        if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
        {
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length == 0)
                {
                    continue;
                }

                if (TryParse(lines[i]) is JsonObject o)
                {
                    entries.Add(Entry(o, $"#{entries.Count + 1}"));
                }
                else
                {
                    bad.Add(i + 1);
                }
            }
        }
        else
        {
            var root = TryParse(text);
            var items = root switch
            {
                JsonArray a => a,
                JsonObject o when Field(o, "exchanges") is JsonArray a => a,
                JsonObject o => new JsonArray(o.DeepClone()),
                _ => null,
            };
            if (items is null)
            {
                bad.Add(1);
            }
            else
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    entries.Add(Entry(item, $"#{entries.Count + 1}"));
                }
            }
        }

        var problem = bad.Count == 0 ? null : $"not JSON: line{(bad.Count == 1 ? "" : "s")} {string.Join(", ", bad.Take(10))}{(bad.Count > 10 ? ", ..." : "")}";
        return new Transcript(path, entries, problem);
    }

    private static TranscriptEntry Entry(JsonObject outer, string fallbackTitle)
    {
        // The mutator's log wraps each exchange with the step it served ("diagnose", "implement").
        var inner = Field(outer, "exchange") as JsonObject ?? outer;
        var step = Text(Field(outer, "step")) ?? Text(Field(inner, "step")) ?? Text(Field(outer, "task"));
        var request = Field(inner, "request");
        var messages = (request as JsonArray ?? Field(request as JsonObject, "messages") as JsonArray ?? Field(inner, "messages") as JsonArray)?
            .OfType<JsonObject>().Select(m => new TranscriptMessage(Text(Field(m, "role")) ?? "?", Content(Field(m, "content")))).ToList() ?? [];
        if (Text(Field(request as JsonObject, "system")) is { } system)
        {
            messages.Insert(0, new TranscriptMessage("system", system));
        }

        var response = Field(inner, "response") as JsonObject;
        var choice = (Field(response, "choices") as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var reply = Text(Field(inner, "reply"))
            ?? NonEmpty(Content(Field(Field(choice, "message") as JsonObject, "content")))
            ?? NonEmpty(Content(Field(response, "content")));
        var usage = Field(inner, "usage") as JsonObject ?? Field(response, "usage") as JsonObject;
        return new TranscriptEntry
        {
            Title = step ?? fallbackTitle,
            Model = Text(Field(inner, "model")) ?? Text(Field(request as JsonObject, "model")),
            Messages = messages,
            Reply = NonEmpty(reply),
            InputTokens = Number(Field(inner, "input_tokens") ?? Field(usage, "input_tokens") ?? Field(usage, "prompt_tokens")) is { } i ? (long)i : null,
            OutputTokens = Number(Field(inner, "output_tokens") ?? Field(usage, "output_tokens") ?? Field(usage, "completion_tokens")) is { } o ? (long)o : null,
            CostUsd = Number(Field(inner, "cost_usd")),
            Failure = Text(Field(inner, "failure_message")) is { Length: > 0 } message ? message : Text(Field(inner, "failure")) ?? Text(Field(inner, "error")),
            Raw = outer.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
        };
    }

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // input_tokens, InputTokens and inputTokens are the same field here.
    private static JsonNode? Field(JsonObject? o, string name)
    {
        if (o is null)
        {
            return null;
        }

        var key = Key(name);
        return o.FirstOrDefault(p => Key(p.Key) == key).Value;
    }

    private static string Key(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node is JsonValue n ? n.ToJsonString() : null;

    private static string? NonEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static double? Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out var d) ? d : null;

    // Content is a string, or (Anthropic, OpenAI parts) an array of blocks with text.
    private static string Content(JsonNode? node) => node switch
    {
        JsonArray parts => string.Join("\n", parts.Select(p => p is JsonObject o ? Text(Field(o, "text")) ?? o.ToJsonString() : Text(p))),
        null => "",
        _ => Text(node) ?? node.ToJsonString(),
    };
}
