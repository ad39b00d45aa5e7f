using System.Text.Json.Nodes;

namespace Evolver.Gateway;

/// <summary>
/// Puts an Anthropic Messages reply into OpenAI's chat-completion schema for the agent: text blocks become the
/// message's content, <c>tool_use</c> blocks its <c>tool_calls</c> (the input as a JSON arguments string).
/// </summary>
internal static class AnthropicShape
{
    public static (long Input, long Output) Usage(JsonObject message) =>
        (Number(message["usage"]?["input_tokens"]), Number(message["usage"]?["output_tokens"]));

    public static JsonObject Completion(JsonObject message, string model)
    {
        var (input, output) = Usage(message);
        var reply = new JsonObject { ["role"] = "assistant", ["content"] = Text(message) };
        if (ToolCalls(message, withIndex: false) is { } calls)
        {
            reply["tool_calls"] = calls;
        }

        return new JsonObject
        {
            ["id"] = message["id"]?.GetValue<string>() ?? "chatcmpl-anthropic",
            ["object"] = "chat.completion",
            ["created"] = 0,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = reply,
                ["finish_reason"] = FinishReason(message["stop_reason"]?.GetValue<string>()),
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = input, ["completion_tokens"] = output, ["total_tokens"] = input + output },
        };
    }

    /// <summary>The whole reply as one chunk (the provider is not streamed), tool calls complete in its delta.</summary>
    public static JsonObject Chunk(JsonObject message, string model, int index)
    {
        var delta = new JsonObject { ["role"] = "assistant", ["content"] = Text(message) };
        if (ToolCalls(message, withIndex: true) is { } calls)
        {
            delta["tool_calls"] = calls;
        }

        return new JsonObject
        {
            ["id"] = $"chatcmpl-anthropic-{index}",
            ["object"] = "chat.completion.chunk",
            ["created"] = 0,
            ["model"] = model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["delta"] = delta,
                ["finish_reason"] = FinishReason(message["stop_reason"]?.GetValue<string>()),
            }),
        };
    }

    private static string Text(JsonObject message) => string.Concat(Blocks(message, "text").Select(b => b["text"]?.GetValue<string>() ?? ""));

    private static JsonArray? ToolCalls(JsonObject message, bool withIndex)
    {
        var calls = new JsonArray();
        foreach (var use in Blocks(message, "tool_use"))
        {
            var call = new JsonObject();
            if (withIndex)
            {
                call["index"] = calls.Count;
            }

            call["id"] = use["id"]?.DeepClone();
            call["type"] = "function";
            call["function"] = new JsonObject
            {
                ["name"] = use["name"]?.DeepClone(),
                ["arguments"] = (use["input"] ?? new JsonObject()).ToJsonString(),
            };
            calls.Add(call);
        }

        return calls.Count > 0 ? calls : null;
    }

    private static IEnumerable<JsonObject> Blocks(JsonObject message, string type) =>
        (message["content"] as JsonArray ?? []).OfType<JsonObject>().Where(b => b["type"]?.GetValue<string>() == type);

    private static string FinishReason(string? stop) => stop switch
    {
        "max_tokens" => "length",
        "tool_use" => "tool_calls",
        "refusal" => "content_filter",
        _ => "stop",
    };

    private static long Number(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var n) ? n : 0;
}
