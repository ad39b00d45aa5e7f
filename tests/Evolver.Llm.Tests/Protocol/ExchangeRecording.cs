using System.Text.Json.Nodes;

namespace Evolver.Llm.Tests.Protocol;

/// <summary>
/// A recording of request/response pairs (a JSON file) that the provider test double replays in order: each request
/// must match the recorded one (path, model, system and messages), or the double answers 400 naming the first
/// difference, as a replay gateway would. Recordings in this repository are hand-written in the providers' wire
/// schemas, not captured from a model; each file says so in its <c>description</c>.
/// </summary>
/// <remarks>
/// Format: <c>{"description": "...", "exchanges": [{"request": {"path", "model", "system"?, "messages": [{"role",
/// "content"}]}, "response": {"status", "headers"?, "body"}}]}</c>; <c>body</c> is the response's JSON as sent.
/// </remarks>
internal sealed class ExchangeRecording
{
    private readonly JsonArray exchanges;
    private readonly List<string> mismatches = [];
    private int next;

    private ExchangeRecording(JsonArray exchanges)
    {
        this.exchanges = exchanges;
    }

    /// <summary>Requests that did not match, each with the first difference.</summary>
    public IReadOnlyList<string> Mismatches => mismatches;

    /// <summary>Exchanges not replayed yet.</summary>
    public int Remaining => exchanges.Count - next;

    public static ExchangeRecording Load(string path) =>
        new(JsonNode.Parse(File.ReadAllText(path))!["exchanges"]!.AsArray());

    /// <summary>Writes a recording of <paramref name="requests"/> answered by <paramref name="responses"/>, in order.</summary>
    public static void Save(string path, string description, IReadOnlyList<RecordedRequest> requests, IReadOnlyList<ScriptedResponse> responses)
    {
        var list = new JsonArray();
        foreach (var (request, response) in requests.Zip(responses))
        {
            var json = request.Json;
            var recorded = new JsonObject { ["path"] = request.Path, ["model"] = json["model"]?.DeepClone() };
            if (json["system"] is { } system)
            {
                recorded["system"] = system.DeepClone();
            }

            recorded["messages"] = new JsonArray([.. request.Messages.Select(m => (JsonNode)new JsonObject { ["role"] = m.Role, ["content"] = m.Content })]);
            list.Add(new JsonObject
            {
                ["request"] = recorded,
                ["response"] = new JsonObject
                {
                    ["status"] = response.Status,
                    ["headers"] = new JsonObject([.. (response.Headers ?? new Dictionary<string, string>()).Select(h => KeyValuePair.Create(h.Key, (JsonNode?)h.Value))]),
                    ["body"] = JsonNode.Parse(response.Body),
                },
            });
        }

        var file = new JsonObject { ["description"] = description, ["exchanges"] = list };
        File.WriteAllText(path, file.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>The recorded answer to <paramref name="request"/>, or a 400 naming how it differs from the recording.</summary>
    public ScriptedResponse Answer(RecordedRequest request)
    {
        if (next >= exchanges.Count)
        {
            return Mismatch($"request {next + 1} was never recorded (the recording has {exchanges.Count})");
        }

        var exchange = exchanges[next++]!;
        if (Difference(exchange["request"]!.AsObject(), request) is { } difference)
        {
            return Mismatch($"request {next} differs from the recording at {difference}");
        }

        var response = exchange["response"]!;
        var headers = response["headers"]?.AsObject().ToDictionary(h => h.Key, h => h.Value!.GetValue<string>());
        return new ScriptedResponse(response["status"]!.GetValue<int>(), response["body"]!.ToJsonString(), headers);
    }

    private ScriptedResponse Mismatch(string message)
    {
        mismatches.Add(message);
        return OpenAIWire.Error(400, "replay: " + message, "invalid_request_error");
    }

    private static string? Difference(JsonObject expected, RecordedRequest actual)
    {
        if (expected["path"]!.GetValue<string>() != actual.Path)
        {
            return $"path: recorded {expected["path"]} but got {actual.Path}";
        }

        var json = actual.Json;
        foreach (var field in new[] { "model", "system" })
        {
            if (Text(expected[field]) is var want && Text(json[field]) is var got && want != got)
            {
                return Where(field, want, got);
            }
        }

        var recorded = expected["messages"]!.AsArray();
        var messages = actual.Messages;
        for (var i = 0; i < Math.Min(recorded.Count, messages.Count); i++)
        {
            var (role, content) = (recorded[i]!["role"]!.GetValue<string>(), recorded[i]!["content"]!.GetValue<string>());
            if (role != messages[i].Role)
            {
                return Where($"messages[{i}].role", role, messages[i].Role);
            }

            if (content != messages[i].Content)
            {
                return Where($"messages[{i}].content", content, messages[i].Content);
            }
        }

        return recorded.Count == messages.Count ? null : $"messages: recorded {recorded.Count} but got {messages.Count}";
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue value when value.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };

    /// <summary>The field and the first differing character, with a little context from both sides.</summary>
    private static string Where(string field, string want, string got)
    {
        var at = 0;
        while (at < want.Length && at < got.Length && want[at] == got[at])
        {
            at++;
        }

        string Around(string s) => s.Length <= at ? "(end)" : "\"" + s.Substring(Math.Max(0, at - 20), Math.Min(60, s.Length - Math.Max(0, at - 20))) + "\"";
        return $"{field}, character {at}: recorded {Around(want)} but got {Around(got)}";
    }
}
