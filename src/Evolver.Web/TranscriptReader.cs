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
        var step = Text(Field(outer, "step")) ?? Text(Field(inner, "step"));
        var request = Field(inner, "request");
        var messages = (request as JsonArray ?? Field(request as JsonObject, "messages") as JsonArray ?? Field(inner, "messages") as JsonArray)?
            .OfType<JsonObject>().Select(m => new TranscriptMessage(Text(Field(m, "role")) ?? "?", Message(m))).ToList() ?? [];
        if (Text(Field(request as JsonObject, "system")) is { } system)
        {
            messages.Insert(0, new TranscriptMessage("system", system));
        }

        var response = Field(inner, "response") as JsonObject;
        var choice = (Field(response, "choices") as JsonArray)?.OfType<JsonObject>().FirstOrDefault();
        var reply = Text(Field(inner, "reply"))
            ?? NonEmpty(Message(Field(choice, "message") as JsonObject))
            ?? NonEmpty(Content(Field(response, "content")))
            ?? NonEmpty(Streamed(Field(inner, "chunks") as JsonArray));
        var usage = Field(inner, "usage") as JsonObject ?? Field(response, "usage") as JsonObject;
        var status = Number(Field(inner, "status"));
        var task = Text(Field(inner, "task"));
        return new TranscriptEntry
        {
            // The gateway's lines name their task and number; the mutator's name their step.
            Title = step ?? (Number(Field(inner, "index")) is { } index ? $"#{index + 1}" : fallbackTitle) + (task is null ? "" : $" {task}"),
            Model = Text(Field(inner, "model")) ?? Text(Field(request as JsonObject, "model")),
            Messages = messages,
            Reply = NonEmpty(reply),
            InputTokens = Number(Field(inner, "input_tokens") ?? Field(usage, "input_tokens") ?? Field(usage, "prompt_tokens")) is { } i ? (long)i : null,
            OutputTokens = Number(Field(inner, "output_tokens") ?? Field(usage, "output_tokens") ?? Field(usage, "completion_tokens")) is { } o ? (long)o : null,
            CostUsd = Number(Field(inner, "cost_usd") ?? Field(usage, "cost_usd")),
            Failure = NonEmpty(Text(Field(inner, "failure_message"))) ?? Text(Field(inner, "failure")) ?? Text(Field(inner, "error"))
                ?? (status >= 400 ? $"HTTP {status}" : null),
            Raw = outer.ToJsonString(new JsonSerializerOptions { WriteIndented = true }),
        };
    }

    // A message's text, with the tool calls an assistant asked for (OpenAI's tool_calls) written out after it.
    private static string Message(JsonObject? message)
    {
        var text = Content(Field(message, "content"));
        if (Field(message, "tool_calls") is JsonArray calls && calls.Count > 0)
        {
            var listed = string.Join("\n", calls.OfType<JsonObject>().Select(c => Field(c, "function") is JsonObject f
                ? $"{Text(Field(f, "name"))}({Text(Field(f, "arguments"))})"
                : c.ToJsonString()));
            text = text.Length == 0 ? "tool calls:\n" + listed : text + "\ntool calls:\n" + listed;
        }

        return text;
    }

    // A streamed reply: the gateway records the server-sent chunks; their deltas joined are the reply.
    private static string? Streamed(JsonArray? chunks) =>
        chunks is null
            ? null
            : string.Concat(chunks.OfType<JsonObject>().Select(c =>
                (Field(c, "choices") as JsonArray)?.OfType<JsonObject>().FirstOrDefault() is { } choice && Field(choice, "delta") is JsonObject delta
                    ? Text(Field(delta, "content")) ?? ""
                    : ""));

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
